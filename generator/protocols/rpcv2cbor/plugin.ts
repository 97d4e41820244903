// The smithy.protocols#rpcv2Cbor plugin (smithy-rpc-v2-cbor.rst): the `/service/S/operation/O`
// RPC transport and the CBOR codec; errors are named by `__type` alone (the absolute shape id),
// also in a query-compatible service.

import { compose } from "../protocol.js";
import { CBOR_CONTENT_TYPE, cborCodec } from "../codec/cbor/codec.js";
import { serviceOperationPath } from "../transport/rpc/rpc.js";
import { emitRpcClient, type RpcProtocol } from "../transport/rpc/client.js";
import { emitRpcv2CborServer } from "./server.js";

const protocol: RpcProtocol = {
  traitId: "smithy.protocols#rpcv2Cbor",
  name: "rpcv2Cbor",
  transport: serviceOperationPath(CBOR_CONTENT_TYPE),
  codec: cborCodec,
  eventStreams: true,
  quirks: {
    contentType: CBOR_CONTENT_TYPE,
    honourJsonName: false,
    errorCode: (runtime) => `${runtime.use("cborErrorCode")}(body)`,
    queryCodesNameErrors: false,
  },
};

export const rpcv2Cbor = compose(protocol, emitRpcClient, emitRpcv2CborServer);
