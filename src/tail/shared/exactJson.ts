// Exact JSON numbers for both sides of the tail panel. The implementation lives with the decoders
// (src/kinesis/decode/exactJson.ts, SDK-free, the one value import of src/kinesis that the glue's
// lint rule allows besides errors, types and positions); the webview and the panel's host side
// reach it through this module, since webview/ may import nothing from src/ but src/tail/shared/.
export * from '../../kinesis/decode/exactJson';
