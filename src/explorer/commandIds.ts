// Ids of the explorer's commands, shared by the tree items (click actions) and their handlers.
export const ExplorerCommands = {
  refresh: 'kinesis.refresh',
  refreshNode: 'kinesis.explorer.refreshNode',
  loadMore: 'kinesis.explorer.loadMore',
  copyArn: 'kinesis.explorer.copyArn',
  copyName: 'kinesis.explorer.copyName',
  selectRegions: 'kinesis.explorer.selectRegions',
  showErrorDetails: 'kinesis.explorer.showErrorDetails',
  ssoLogin: 'kinesis.explorer.ssoLogin',
  copySsoLoginCommand: 'kinesis.explorer.copySsoLoginCommand',
} as const;
