/**
 * A configuration mistake, or a service that the configuration points at and that cannot be used (a database that
 * does not exist, a refused password, an unreachable bucket): start-up stops with this one line, which names the
 * variable and what to do. Its own module, so that the drivers can raise it without depending on the config.
 */
export class ConfigError extends Error {}
