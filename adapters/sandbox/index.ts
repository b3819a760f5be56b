export { HttpSandboxServer, sendError, sendJson, systemError, type HttpSandboxServerOptions } from './http-sandbox-server';
