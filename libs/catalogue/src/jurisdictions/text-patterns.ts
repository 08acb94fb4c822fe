// PostgreSQL refuses NUL in text (a 500 if it got that far), and control characters in a name
// only hide what an operator reads; refuse them at the edge. Multi-line text keeps tab, LF and CR.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const SINGLE_LINE_TEXT_PATTERN = /^[^\u0000-\u001f\u007f]*$/;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const MULTI_LINE_TEXT_PATTERN = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;

