// VS Code theme variables for the test page (VS Code sets these on <html> in a real webview):
// Dark Modern and Light Modern, the values that matter to the tail panel.

const shared = {
  'font-family': 'system-ui, "Segoe UI", "Ubuntu", "Droid Sans", sans-serif',
  'font-size': '13px',
  'editor-font-family': '"DejaVu Sans Mono", "Droid Sans Mono", monospace',
  'editor-font-size': '13px',
};

const dark: Record<string, string> = {
  ...shared,
  foreground: '#cccccc', descriptionForeground: '#9d9d9d', 'editor-background': '#1f1f1f', 'editor-foreground': '#cccccc',
  'panel-border': '#2b2b2b', 'widget-border': '#3c3c3c', 'editorWidget-background': '#252526', focusBorder: '#0078d4',
  'icon-foreground': '#cccccc', 'toolbar-hoverBackground': 'rgba(90, 93, 94, 0.31)',
  'inputOption-activeBackground': 'rgba(36, 137, 219, 0.51)', 'inputOption-activeBorder': '#2488db', 'inputOption-activeForeground': '#ffffff',
  'input-background': '#313131', 'input-foreground': '#cccccc', 'input-border': '#3c3c3c', 'input-placeholderForeground': '#989898',
  'inputValidation-errorBorder': '#be1100', 'inputValidation-infoBackground': '#063b49', 'inputValidation-infoBorder': '#007acc',
  'dropdown-background': '#313131', 'dropdown-foreground': '#cccccc', 'dropdown-border': '#3c3c3c',
  'list-hoverBackground': '#2a2d2e', 'list-activeSelectionBackground': '#04395e', 'list-activeSelectionForeground': '#ffffff',
  'list-inactiveSelectionBackground': '#37373d', 'list-focusOutline': '#0078d4',
  'charts-blue': '#3794ff', 'charts-red': '#f14c4c', 'charts-green': '#89d185', 'charts-yellow': '#cca700',
  'charts-orange': '#d18616', 'charts-purple': '#b180d7', errorForeground: '#f85149', 'editorWarning-foreground': '#cca700',
  'panelTitle-activeForeground': '#e7e7e7', 'panelTitle-inactiveForeground': '#9d9d9d', 'panelTitle-activeBorder': '#0078d4',
  'debugTokenExpression-name': '#c586c0', 'debugTokenExpression-value': 'rgba(204, 204, 204, 0.6)',
  'debugTokenExpression-string': '#ce9178', 'debugTokenExpression-boolean': '#4e94ce', 'debugTokenExpression-number': '#b5cea8',
  'symbolIcon-nullForeground': '#cccccc', 'textLink-foreground': '#4daafc', 'tree-indentGuidesStroke': '#585858',
};

const light: Record<string, string> = {
  ...shared,
  foreground: '#3b3b3b', descriptionForeground: '#717171', 'editor-background': '#ffffff', 'editor-foreground': '#3b3b3b',
  'panel-border': '#e5e5e5', 'widget-border': '#d0d0d0', 'editorWidget-background': '#f8f8f8', focusBorder: '#005fb8',
  'icon-foreground': '#3b3b3b', 'toolbar-hoverBackground': 'rgba(184, 184, 184, 0.31)',
  'inputOption-activeBackground': 'rgba(190, 214, 237, 0.9)', 'inputOption-activeBorder': '#005fb8', 'inputOption-activeForeground': '#000000',
  'input-background': '#ffffff', 'input-foreground': '#3b3b3b', 'input-border': '#cecece', 'input-placeholderForeground': '#767676',
  'inputValidation-errorBorder': '#be1100', 'inputValidation-infoBackground': '#d6ecf2', 'inputValidation-infoBorder': '#007acc',
  'dropdown-background': '#ffffff', 'dropdown-foreground': '#3b3b3b', 'dropdown-border': '#cecece',
  'list-hoverBackground': '#f2f2f2', 'list-activeSelectionBackground': '#e8e8e8', 'list-activeSelectionForeground': '#000000',
  'list-inactiveSelectionBackground': '#e4e6f1', 'list-focusOutline': '#005fb8',
  'charts-blue': '#1a85ff', 'charts-red': '#e51400', 'charts-green': '#388a34', 'charts-yellow': '#bf8803',
  'charts-orange': '#d18616', 'charts-purple': '#652d90', errorForeground: '#a1260d', 'editorWarning-foreground': '#bf8803',
  'panelTitle-activeForeground': '#3b3b3b', 'panelTitle-inactiveForeground': '#717171', 'panelTitle-activeBorder': '#005fb8',
  'debugTokenExpression-name': '#9b46b0', 'debugTokenExpression-value': 'rgba(108, 108, 108, 0.8)',
  'debugTokenExpression-string': '#a31515', 'debugTokenExpression-boolean': '#0000ff', 'debugTokenExpression-number': '#098658',
  'symbolIcon-nullForeground': '#3b3b3b', 'textLink-foreground': '#005fb8', 'tree-indentGuidesStroke': '#a9a9a9',
};

export type ThemeName = 'dark' | 'light';

export const THEMES: Record<ThemeName, { bodyClass: string; css: string }> = {
  dark: { bodyClass: 'vscode-dark', css: toCss(dark) },
  light: { bodyClass: 'vscode-light', css: toCss(light) },
};

function toCss(vars: Record<string, string>): string {
  return `:root {\n${Object.entries(vars).map(([k, v]) => `  --vscode-${k}: ${v};`).join('\n')}\n}\n`;
}
