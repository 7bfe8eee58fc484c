// Every command id of the extension, in one place: registration, tree-item click actions and
// commands that run other commands all name them from here. The ids are contributed in
// package.json and bound in users' keybindings, so they stay as published; the keys name what
// each command does, in camelCase (test/unit/commands/ids.test.ts checks both lists agree).
export const CommandIds = {
  // general
  refresh: 'kinesis.refresh',
  showLog: 'kinesis.showLog',
  openConfigFile: 'kinesis.openConfigFile',
  addConnection: 'kinesis.addConnection',
  // explorer nodes
  refreshNode: 'kinesis.explorer.refreshNode',
  loadMore: 'kinesis.explorer.loadMore',
  copyArn: 'kinesis.explorer.copyArn',
  copyName: 'kinesis.explorer.copyName',
  selectRegions: 'kinesis.explorer.selectRegions',
  showErrorDetails: 'kinesis.explorer.showErrorDetails',
  ssoLogin: 'kinesis.explorer.ssoLogin',
  copySsoLoginCommand: 'kinesis.explorer.copySsoLoginCommand',
  // put
  putRecord: 'kinesis.putRecord',
  putRecords: 'kinesis.putRecords',
  putAgain: 'kinesis.putAgain',
  // manage streams
  createStream: 'kinesis.createStream',
  deleteStream: 'kinesis.deleteStream',
  updateShardCount: 'kinesis.updateShardCount',
  switchCapacityMode: 'kinesis.switchCapacityMode',
  setRetention: 'kinesis.setRetention',
  describeStream: 'kinesis.describeStream',
  // consumers (enhanced fan-out)
  registerConsumer: 'kinesis.registerConsumer',
  deregisterConsumer: 'kinesis.deregisterConsumer',
  // tail
  tail: 'kinesis.tail',
  tailStream: 'kinesis.tailStream',
  tailShard: 'kinesis.tailShard',
  tailStreamEfo: 'kinesis.tailStreamEfo',
  tailFromRecord: 'kinesis.tail.fromRecord',
  findInStream: 'kinesis.findInStream',
  sendToStream: 'kinesis.sendToStream',
  // producer documents (*.kinesis)
  producerDocPut: 'kinesis.producerDoc.put',
  producerDocPutAll: 'kinesis.producerDoc.putAll',
  producerDocTail: 'kinesis.producerDoc.tail',
  producerDocShowReport: 'kinesis.producerDoc.showReport',
} as const;

export type CommandId = (typeof CommandIds)[keyof typeof CommandIds];
