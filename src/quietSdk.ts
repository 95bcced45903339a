/**
 * The AWS SDK warns once per process that it will soon need a newer Node.js. That notice is
 * about the SDK's release schedule, not about anything this service does, so it is switched
 * off here through the SDK's own documented flag. Every other process warning still prints.
 * Import this module before any AWS SDK client is constructed.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
export {};
