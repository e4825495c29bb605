export * from './common.js';
export * from './roles.js';
export * from './auth.js';
export * from './org.js';
export * from './users.js';
export * from './audit.js';
export * from './tokens.js';
export * from './pii.js';
