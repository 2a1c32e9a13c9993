/** A mistake or a refusal the command line reports as one line (`updraft: …`) before exiting with status 1. */
export class CliError extends Error {}
