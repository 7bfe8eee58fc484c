// The language id of producer documents (*.kinesis), contributed in package.json.
export const KINESIS_LANGUAGE = 'kinesis';
