export * from './common';
export * from './template';
export * from './order';
export * from './settings';
export * from './backup';
export * from './issues';
export * from './seo';
export * from './notice';
