export * from './org.js';
export * from './users.js';
export * from './audit.js';
export * from './work-orders.js';
export * from './assignment.js';
export * from './notifications.js';
export * from './ticket-imports.js';
export * from './saved-filters.js';
