// The tail panel's webview type: package.json activates the extension on it (onWebviewPanel), and
// the serializer registered at activation restores panels of this type after a reload.
export const TAIL_VIEW_TYPE = 'kinesis.tail';
