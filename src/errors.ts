/** Errors the user can act on. The CLI renders `message` and exits with `exitCode`. */
export class VmtError extends Error {
  constructor(
    message: string,
    readonly exitCode: 2 | 3 = 2,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad flags, a missing evidence directory, an unknown revision: exit 2. */
export class UsageError extends VmtError {
  constructor(message: string) {
    super(message, 2);
  }
}

/** A bad `.vmt-oversight.yaml` or another configuration problem: exit 2. */
export class ConfigurationError extends VmtError {
  constructor(message: string) {
    super(message, 2);
  }
}
