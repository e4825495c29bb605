import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { LIMITS, type ErrorBody, type ErrorCode } from '@qloop/contracts';
import { AppError, isForeignKeyViolation, isUniqueViolation, isUnstorableText } from './errors.js';

function send(reply: FastifyReply, status: number, code: ErrorCode, message: string, details?: unknown) {
  const body: ErrorBody = { error: { code, message, ...(details !== undefined ? { details } : {}) } };
  return reply.code(status).send(body);
}

/**
 * The one place errors become HTTP: typed application errors keep their status; framework errors
 * (bad JSON, oversize body, schema failures) become 4xx with a message a person can act on; anything
 * else is logged and answered with a 500 that leaks nothing.
 */
export function errorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof AppError) return send(reply, err.status, err.code, err.message, err.details);

  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = err.validationContext ?? 'request';
    const details = err.validation.map((v) => ({
      path: [where, ...String(v.instancePath || '').split('/').filter(Boolean)].join('.'),
      message: v.message ?? 'invalid',
    }));
    const first = details[0];
    return send(
      reply,
      400,
      'VALIDATION_FAILED',
      first ? `${first.path}: ${first.message}` : `invalid ${where}`,
      details,
    );
  }
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return send(reply, 413, 'PAYLOAD_TOO_LARGE', `request body is larger than ${LIMITS.bodyBytesMax} bytes`);
    case 'FST_REQ_FILE_TOO_LARGE':
      return send(reply, 413, 'PAYLOAD_TOO_LARGE', `file is larger than ${LIMITS.uploadBytesMax} bytes`);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return send(reply, 415, 'UNSUPPORTED_MEDIA_TYPE', 'send JSON with content-type application/json');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return send(reply, 400, 'INVALID_JSON', 'content-type is application/json but the body is empty');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return send(reply, 400, 'INVALID_JSON', `request body is not valid JSON: ${err.message}`);
  }
  if (err.statusCode === 429) return send(reply, 429, 'RATE_LIMITED', 'too many requests; wait a moment and try again');
  if (err instanceof SyntaxError || (err.statusCode === 400 && /JSON/i.test(err.message))) {
    return send(reply, 400, 'INVALID_JSON', `request body is not valid JSON: ${err.message}`);
  }
  if (isForeignKeyViolation(err)) {
    return send(reply, 409, 'CONFLICT', 'a record this change refers to was changed or removed meanwhile; reload and try again');
  }
  if (isUnstorableText(err)) {
    return send(reply, 400, 'VALIDATION_FAILED', 'the text contains characters that cannot be stored (e.g. NUL)');
  }
  if (isUniqueViolation(err)) {
    return send(reply, 409, 'CONFLICT', 'a record with the same unique value already exists');
  }
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    return send(reply, err.statusCode, 'VALIDATION_FAILED', err.message);
  }
  req.log.error({ err }, 'unhandled error');
  return send(reply, 500, 'INTERNAL', `internal error; quote request id ${req.id} when reporting it`);
}
