export type FieldError = { path: string; message: string };

type Kind =
  | 'bad_request'
  | 'validation'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'stale_version'
  | 'gone'
  | 'too_many_requests';

const titles: Record<Kind, [number, string]> = {
  bad_request: [400, 'Bad request'],
  validation: [400, 'Invalid input'],
  unauthorized: [401, 'Not signed in'],
  forbidden: [403, 'Not allowed'],
  not_found: [404, 'Not found'],
  conflict: [409, 'Conflict'],
  stale_version: [409, 'Stale version'],
  gone: [410, 'Gone'],
  too_many_requests: [429, 'Too many requests'],
};

/** The one error type: everything a request can fail with maps to an RFC 9457 problem. */
export class AppError extends Error {
  readonly status: number;
  readonly title: string;

  constructor(
    readonly kind: Kind,
    detail: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(detail);
    [this.status, this.title] = titles[kind];
  }

  static notFound(entity: string): AppError {
    return new AppError('not_found', `${entity} not found`);
  }

  static invalid(path: string, message: string): AppError {
    return new AppError('validation', `${path}: ${message}`, [{ path, message }]);
  }

  static staleVersion(entity: string): AppError {
    return new AppError(
      'stale_version',
      `${entity} was changed by someone else since you read it (stale version); reload and try again`,
    );
  }

  toProblem(instance?: string) {
    return {
      type: `https://kamap.dev/problems/${this.kind.replace(/_/g, '-')}`,
      title: this.title,
      status: this.status,
      detail: this.message,
      ...(instance ? { instance } : {}),
      ...(this.errors ? { errors: this.errors } : {}),
    };
  }
}
