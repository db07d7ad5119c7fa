/**
 * @mimgen/runtime/api: the DDAS Gegevens Uitwissel API's server and client, the same for every model. A
 * generated package binds them to its model (its STREAM_CONTEXT: where the records are, how a page is
 * validated) and exports `createGegevensHandler` and `fetchGegevens`; see the runtime's README for the
 * choices made where the signing module is silent. Node.js only (its crypto module); the declarations need
 * neither @types/node nor the DOM library.
 */
export { createGegevensHandler } from './server.js';
export { fetchGegevens, GegevensFetchError } from './client.js';
export { ProblemError } from './request.js';
export {
  digestValue,
  PayloadSigner,
  SIGNATURE_HEADER,
  SignatureError,
  TrustStore,
  verifyPayloadSignature,
} from './jades.js';
export type {
  AbortSignalLike,
  CertificateInfo,
  CertificateInput,
  FetchCheck,
  FetchGegevensOptions,
  FetchLike,
  FetchResponseLike,
  FscError,
  FscErrorCode,
  GegevensHandler,
  GegevensHandlerOptions,
  GegevensPage,
  GegevensRequest,
  GegevensSource,
  HandlerErrorContext,
  HttpRequest,
  HttpResponse,
  JsonWebKeySet,
  PageQuery,
  Paginering,
  PrivateKeyInput,
  ProblemDetails,
  RecordInPage,
  SourcePage,
  Streamable,
  TokenClaims,
} from './types.js';
