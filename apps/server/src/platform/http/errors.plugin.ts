import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type FieldError } from '../errors.js';

type PgError = { code?: string; constraint?: string; detail?: string; column?: string };

/** Maps PostgreSQL errors a client can cause to 4xx, so bad input never surfaces as a 500. */
function fromDatabase(err: PgError): AppError | undefined {
  switch (err.code) {
    case '23505': {
      const field = /\(([^)]+)\)=/.exec(err.detail ?? '')?.[1] ?? err.constraint ?? 'value';
      return new AppError('conflict', `${field} is already used by another record`, [
        { path: field, message: 'already exists' },
      ]);
    }
    case '23503': {
      const field = /\(([^)]+)\)=/.exec(err.detail ?? '')?.[1] ?? 'reference';
      return new AppError('validation', `${field} refers to a record that does not exist`, [
        { path: field, message: 'no such record' },
      ]);
    }
    case '22P02':
    case '22003':
    case '22007':
    case '22008':
    case '23514':
      return new AppError('validation', 'A value is out of range or malformed');
    default:
      return undefined;
  }
}

function validationErrors(err: {
  validation: { instancePath: string; message?: string; keyword: string; params?: Record<string, unknown> }[];
  validationContext?: string;
}): FieldError[] {
  const where = err.validationContext ?? 'body';
  return err.validation.map((v) => {
    const base = [where, ...v.instancePath.split('/').filter(Boolean)].join('.');
    const keys = v.keyword === 'unrecognized_keys' ? (v.params?.keys as string[] | undefined) : undefined;
    return {
      path: keys?.length ? `${base}.${keys.join(',')}` : base,
      message: keys?.length
        ? `unknown field${keys.length > 1 ? 's' : ''}: ${keys.join(', ')}`
        : (v.message ?? 'invalid'),
    };
  });
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError & PgError, req, reply) => {
    let problem: AppError | undefined;
    if (error instanceof AppError) problem = error;
    else if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = validationErrors(error as never);
      problem = new AppError('validation', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
    } else if (!isResponseSerializationError(error) && error.statusCode && error.statusCode < 500) {
      const status = error.statusCode;
      const kind = status === 404 ? 'not_found' : status === 429 ? 'too_many_requests' : 'bad_request';
      problem = new AppError(kind, error.message);
      if (status !== 400 && status !== 404 && status !== 429) {
        reply.header('content-type', 'application/problem+json');
        return reply.code(status).send({ ...problem.toProblem(req.url), status, title: error.code ?? 'Bad request' });
      }
    } else {
      // Drizzle wraps driver errors; the PostgreSQL code is on the cause
      const cause = (error as { cause?: unknown }).cause;
      problem = fromDatabase(cause && typeof cause === 'object' && 'code' in cause ? (cause as PgError) : error);
    }

    if (!problem) {
      req.log.error({ err: error }, 'unhandled error');
      reply.header('content-type', 'application/problem+json');
      return reply.code(500).send({
        type: 'https://kamap.dev/problems/internal',
        title: 'Internal error',
        status: 500,
        detail: 'Something went wrong on our side; it has been logged.',
        instance: req.url,
      });
    }
    for (const [k, v] of Object.entries(problem.headers ?? {})) reply.header(k, v);
    reply.header('content-type', 'application/problem+json');
    return reply.code(problem.status).send(problem.toProblem(req.url));
  });

  app.setNotFoundHandler((req, reply) => {
    reply.header('content-type', 'application/problem+json');
    return reply
      .code(404)
      .send(new AppError('not_found', `No route ${req.method} ${req.url.split('?')[0]}`).toProblem());
  });
}
