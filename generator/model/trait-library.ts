// Every trait the Smithy distribution defines: the prelude (smithy.api) and every trait library
// (aws.api, aws.auth, aws.customizations, aws.protocols, aws.iam, aws.cloudformation,
// aws.apigateway, aws.endpoints, smithy.rules, smithy.waiters, smithy.test, smithy.mqtt,
// smithy.openapi, smithy.protocols, contracts, smoke tests). Each row: the trait's shape id, its
// Smithy selector (whitespace collapsed) and the form of its value, written in the generator's
// own terms from the facts of the Smithy definitions. test/foundation/trait-library.test.ts
// compares every row with the definition files in ../shared/smithy/traits, so it cannot drift.

import type { ValueSchema } from "./prelude.js";

/** The request and response mappings aws.apigateway#integration and #mockIntegration share. */
const API_GATEWAY_MAPPINGS = {
  requestParameters: { map: "string" },
  requestTemplates: { map: "string" },
  responses: {
    map: {
      struct: {
        statusCode: "string",
        contentHandling: { enum: ["CONVERT_TO_TEXT", "CONVERT_TO_BINARY"] },
        responseTemplates: { map: "string" },
        responseParameters: { map: "string" },
      },
    },
  },
} as const satisfies Record<string, ValueSchema>;

/** The members smithy.test#httpRequestTests and #httpResponseTests cases share. */
const HTTP_MESSAGE_TEST = {
  headers: { map: "string" },
  forbidHeaders: { list: "string" },
  requireHeaders: { list: "string" },
  body: "string",
  bodyMediaType: "string",
  id: "string",
  protocol: "shapeRef",
  authScheme: "shapeRef",
  params: "any",
  vendorParams: "any",
  vendorParamsShape: "shapeRef",
  documentation: "string",
  tags: { list: "string" },
  appliesTo: { enum: ["client", "server"] },
} as const satisfies Record<string, ValueSchema>;

export const TRAIT_LIBRARY: ReadonlyArray<readonly [id: string, selector: string, value: ValueSchema]> = [
  // aws.api
  ["aws.api#arn", "resource", {
    struct: {
      template: "string",
      absolute: "boolean",
      noRegion: "boolean",
      noAccount: "boolean",
      resourceDelimiter: { enum: ["/", ":"] },
      reusable: "boolean",
    },
    required: ["template"],
  }],
  ["aws.api#arnReference", "string", { struct: { type: "string", resource: "string", service: "string" } }],
  ["aws.api#awsChunked", "blob[trait|streaming]", "annotation"],
  ["aws.api#clientDiscoveredEndpoint", "operation", { struct: { required: "boolean" }, required: ["required"] }],
  ["aws.api#clientEndpointDiscovery", "service", { struct: { operation: "shapeRef", error: "shapeRef" }, required: ["operation"] }],
  ["aws.api#clientEndpointDiscoveryId", "operation[trait|aws.api#clientDiscoveredEndpoint] -[input]-> structure > :test(member[trait|required] > string)", "annotation"],
  ["aws.api#controlPlane", ":test(service, resource, operation)", "annotation"],
  ["aws.api#data", ":test(simpleType, list, structure, union, member)", { enum: ["content", "account", "usage", "tagging", "permissions"] }],
  ["aws.api#dataPlane", ":test(service, resource, operation)", "annotation"],
  ["aws.api#service", "service", {
    struct: {
      sdkId: "string",
      arnNamespace: "string",
      cloudFormationName: "string",
      cloudTrailEventSource: "string",
      docId: "string",
      endpointPrefix: "string",
      cloudWatchNamespace: "string",
    },
    required: ["sdkId"],
  }],
  ["aws.api#tagEnabled", "service", {
    struct: { disableDefaultOperations: "boolean", apiConfig: { struct: { tagApi: "shapeRef", untagApi: "shapeRef", listTagsApi: "shapeRef" } } },
  }],
  ["aws.api#taggable", "resource", {
    struct: {
      property: "string",
      apiConfig: { struct: { tagApi: "shapeRef", untagApi: "shapeRef", listTagsApi: "shapeRef" }, required: ["tagApi", "untagApi", "listTagsApi"] },
      disableSystemTags: "boolean",
    },
  }],
  // aws.apigateway
  ["aws.apigateway#apiKeyRequired", "operation", "annotation"],
  ["aws.apigateway#apiKeySource", "service", "string"],
  ["aws.apigateway#apiTlsPolicy", "service", { struct: { securityPolicy: "string", endpointAccessMode: { enum: ["BASIC", "STRICT"] } }, required: ["securityPolicy"] }],
  ["aws.apigateway#authorizer", ":test(service, resource, operation)", "string"],
  ["aws.apigateway#authorizers", "service", {
    map: {
      struct: {
        scheme: "shapeRef",
        type: "string",
        customAuthType: "string",
        uri: "string",
        credentials: "string",
        identitySource: "string",
        identityValidationExpression: "string",
        resultTtlInSeconds: "integer",
        authorizerPayloadFormatVersion: { enum: ["1.0", "2.0"] },
        enableSimpleResponses: "boolean",
      },
      required: ["scheme"],
    },
  }],
  ["aws.apigateway#endpointConfiguration", "service", {
    struct: {
      types: { list: { enum: ["EDGE", "REGIONAL", "PRIVATE"] } },
      vpcEndpointIds: { list: "string" },
      disableExecuteApiEndpoint: "boolean",
      ipAddressType: { enum: ["ipv4", "dualstack"] },
    },
    required: ["types"],
  }],
  ["aws.apigateway#gatewayResponses", "service", { map: { struct: { statusCode: "string", responseParameters: { map: "string" }, responseTemplates: { map: "string" } } } }],
  ["aws.apigateway#integration", ":test(service, resource, operation)", {
    struct: {
      type: { enum: ["aws", "aws_proxy", "http", "http_proxy"] },
      uri: "string",
      credentials: "string",
      httpMethod: "string",
      passThroughBehavior: { enum: ["when_no_templates", "when_no_match", "never"] },
      contentHandling: { enum: ["CONVERT_TO_TEXT", "CONVERT_TO_BINARY"] },
      timeoutInMillis: "integer",
      connectionId: "string",
      connectionType: { enum: ["INTERNET", "VPC_LINK"] },
      cacheNamespace: "string",
      payloadFormatVersion: "string",
      cacheKeyParameters: { list: "string" },
      ...API_GATEWAY_MAPPINGS,
      tlsConfig: { struct: { insecureSkipVerification: "boolean" } },
      responseTransferMode: "string",
      integrationTarget: "string",
    },
    required: ["type", "uri", "httpMethod"],
  }],
  ["aws.apigateway#minimumCompressionSize", "service", "integer"],
  ["aws.apigateway#mockIntegration", ":test(service, resource, operation)", {
    struct: {
      passThroughBehavior: { enum: ["when_no_templates", "when_no_match", "never"] },
      ...API_GATEWAY_MAPPINGS,
    },
  }],
  ["aws.apigateway#requestValidator", ":test(service, operation)", "string"],
  ["aws.apigateway#resourcePolicy", "service", "any"],
  // aws.auth
  ["aws.auth#cognitoUserPools", "service", { struct: { providerArns: { list: "string" } }, required: ["providerArns"] }],
  ["aws.auth#cognitoUserPoolsScopes", "service[trait|aws.auth#cognitoUserPools] ~> operation", { list: "string" }],
  ["aws.auth#sigv4", "service", { struct: { name: "string" }, required: ["name"] }],
  ["aws.auth#sigv4a", "service[trait|aws.auth#sigv4]", { struct: { name: "string" }, required: ["name"] }],
  ["aws.auth#unsignedPayload", "operation", "annotation"],
  // aws.cloudformation
  ["aws.cloudformation#cfnAdditionalIdentifier", "structure > :test(member > string)", "annotation"],
  ["aws.cloudformation#cfnDefaultValue", "resource > operation -[input, output]-> structure > member", "annotation"],
  ["aws.cloudformation#cfnExcludeProperty", "structure > member", "annotation"],
  ["aws.cloudformation#cfnMutability", "structure > member", { enum: ["full", "create-and-read", "create", "read", "write"] }],
  ["aws.cloudformation#cfnName", "structure > member", "string"],
  ["aws.cloudformation#cfnResource", "resource", { struct: { name: "string", additionalSchemas: { list: "shapeRef" }, primaryIdentifier: "string" } }],
  // aws.customizations
  ["aws.customizations#s3UnwrappedXmlOutput", "operation", "annotation"],
  // aws.endpoints
  ["aws.endpoints#dualStackOnlyEndpoints", "service", "annotation"],
  ["aws.endpoints#endpointsModifier", "structure[trait|trait]", "annotation"],
  ["aws.endpoints#rulesBasedEndpoints", "service", "annotation"],
  ["aws.endpoints#standardPartitionalEndpoints", "service", {
    struct: {
      endpointPatternType: { enum: ["service_dnsSuffix", "service_region_dnsSuffix", "aws_recommended"] },
      partitionEndpointSpecialCases: { map: { list: { struct: { endpoint: "string", region: "string", dualStack: "boolean", fips: "boolean" } } } },
    },
    required: ["endpointPatternType"],
  }],
  ["aws.endpoints#standardRegionalEndpoints", "service", {
    struct: {
      partitionSpecialCases: { map: { list: { struct: { endpoint: "string", dualStack: "boolean", fips: "boolean" }, required: ["endpoint"] } } },
      regionSpecialCases: {
        map: { list: { struct: { endpoint: "string", dualStack: "boolean", fips: "boolean", signingRegion: "string" }, required: ["endpoint"] } },
      },
    },
  }],
  // aws.iam
  ["aws.iam#actionName", "operation", "string"],
  ["aws.iam#actionPermissionDescription", "operation", "string"],
  ["aws.iam#conditionKeyValue", "member", "string"],
  ["aws.iam#conditionKeys", ":test(resource, operation)", { list: "string" }],
  ["aws.iam#defineConditionKeys", "service", {
    map: {
      struct: {
        type: {
          enum: ["ARN", "ArrayOfARN", "Binary", "ArrayOfBinary", "String", "ArrayOfString", "Numeric", "ArrayOfNumeric", "Date", "ArrayOfDate", "Bool", "ArrayOfBool", "IPAddress", "ArrayOfIPAddress"],
        },
        documentation: "string",
        externalDocumentation: "string",
        relativeDocumentation: "string",
        required: "boolean",
      },
      required: ["type"],
    },
  }],
  ["aws.iam#disableConditionKeyInference", ":test(service, resource)", "annotation"],
  ["aws.iam#iamAction", "operation", {
    struct: {
      name: "string",
      documentation: "string",
      relativeDocumentation: "string",
      requiredActions: { list: "string" },
      resources: {
        struct: {
          required: { map: { struct: { conditionKeys: { list: "string" } } } },
          optional: { map: { struct: { conditionKeys: { list: "string" } } } },
        },
      },
      createsResources: { list: "string" },
    },
  }],
  ["aws.iam#iamResource", "resource", { struct: { name: "string", relativeDocumentation: "string", disableConditionKeyInheritance: "boolean" } }],
  ["aws.iam#requiredActions", "operation", { list: "string" }],
  ["aws.iam#serviceResolvedConditionKeys", "service", { list: "string" }],
  ["aws.iam#supportedPrincipalTypes", ":test(service, operation)", { list: { enum: ["Root", "IAMUser", "IAMRole", "FederatedUser"] } }],
  // aws.protocols
  ["aws.protocols#awsJson1_0", "service", { struct: { http: { list: "string" }, eventStreamHttp: { list: "string" } } }],
  ["aws.protocols#awsJson1_1", "service", { struct: { http: { list: "string" }, eventStreamHttp: { list: "string" } } }],
  ["aws.protocols#awsQuery", "service [trait|xmlNamespace]", "annotation"],
  ["aws.protocols#awsQueryCompatible", "service :test([trait|aws.protocols#awsJson1_0], [trait|smithy.protocols#rpcv2Cbor], [trait|smithy.protocols#rpcv2Json])", "annotation"],
  ["aws.protocols#awsQueryError", "structure [trait|error]", { struct: { code: "string", httpResponseCode: "integer" }, required: ["code", "httpResponseCode"] }],
  ["aws.protocols#ec2Query", "service [trait|xmlNamespace]", "annotation"],
  ["aws.protocols#ec2QueryName", "structure > member", "string"],
  ["aws.protocols#httpChecksum", "operation", {
    struct: {
      requestAlgorithmMember: "string",
      requestChecksumRequired: "boolean",
      requestValidationModeMember: "string",
      responseAlgorithms: { list: { enum: ["CRC32", "CRC32C", "CRC64NVME", "MD5", "SHA1", "SHA256", "SHA512", "XXHASH64", "XXHASH3", "XXHASH128"] } },
    },
  }],
  ["aws.protocols#restJson1", "service", { struct: { http: { list: "string" }, eventStreamHttp: { list: "string" } } }],
  ["aws.protocols#restXml", "service", { struct: { http: { list: "string" }, eventStreamHttp: { list: "string" }, noErrorWrapping: "boolean" } }],
  // smithy.api
  ["smithy.api#addedDefault", "structure > member [trait|default]", "annotation"],
  ["smithy.api#auth", ":is(service, operation)", { list: "shapeId" }],
  ["smithy.api#authDefinition", "structure[trait|trait]", { struct: { traits: { list: "shapeRef" } } }],
  ["smithy.api#box", ":test(boolean, byte, short, integer, long, float, double, member > :test(boolean, byte, short, integer, long, float, double))", "annotation"],
  ["smithy.api#clientOptional", "structure > member", "annotation"],
  ["smithy.api#cors", "service", {
    struct: {
      origin: "string",
      origins: { map: "string" },
      maxAge: "integer",
      additionalAllowedHeaders: { list: "string" },
      additionalExposedHeaders: { list: "string" },
    },
  }],
  ["smithy.api#default", ":is(simpleType, list, map, structure > member :test(> :is(simpleType, list, map)))", "any"],
  ["smithy.api#deprecated", "*", { struct: { message: "string", since: "string" } }],
  ["smithy.api#documentation", "*", "string"],
  ["smithy.api#endpoint", "operation", { struct: { hostPrefix: "string" }, required: ["hostPrefix"] }],
  ["smithy.api#enum", "string :not(enum)", {
    list: {
      struct: { value: "string", name: "string", documentation: "string", tags: { list: "string" }, deprecated: "boolean" },
      required: ["value"],
    },
  }],
  ["smithy.api#enumValue", ":is(enum, intEnum) > member", "any"],
  ["smithy.api#error", "structure", { enum: ["client", "server"] }],
  ["smithy.api#eventHeader", "structure > :test(member > :test(boolean, byte, short, integer, long, blob, string, timestamp))", "annotation"],
  ["smithy.api#eventPayload", "structure > :test(member > :test(blob, string, structure, union))", "annotation"],
  ["smithy.api#examples", "operation", {
    list: {
      struct: {
        title: "string",
        documentation: "string",
        input: "any",
        output: "any",
        error: { struct: { shapeId: "shapeId", content: "any" } },
        allowConstraintErrors: "boolean",
      },
      required: ["title"],
    },
  }],
  ["smithy.api#externalDocumentation", "*", { map: "string" }],
  ["smithy.api#hostLabel", "structure > :test(member[trait|required] > string)", "annotation"],
  ["smithy.api#http", "operation", { struct: { method: "string", uri: "string", code: "integer" }, required: ["method", "uri"] }],
  ["smithy.api#httpApiKeyAuth", "service", { struct: { name: "string", in: { enum: ["header", "query"] }, scheme: "string" }, required: ["name", "in"] }],
  ["smithy.api#httpBasicAuth", "service", "annotation"],
  ["smithy.api#httpBearerAuth", "service", "annotation"],
  ["smithy.api#httpChecksumRequired", "operation", "annotation"],
  ["smithy.api#httpDigestAuth", "service", "annotation"],
  ["smithy.api#httpError", "structure[trait|error]", "integer"],
  ["smithy.api#httpHeader", "structure > :test(member > :test(boolean, number, string, timestamp, list > member > :test(boolean, number, string, timestamp)))", "string"],
  ["smithy.api#httpLabel", "structure > member[trait|required] :test(> :test(string, number, boolean, timestamp))", "annotation"],
  ["smithy.api#httpPayload", "structure > member", "annotation"],
  ["smithy.api#httpPrefixHeaders", "structure > member :test(> map :not([trait|sparse]) > member[id|member=value] > string)", "string"],
  ["smithy.api#httpQuery", "structure > member :test(> :test(string, number, boolean, timestamp), > list > member > :test(string, number, boolean, timestamp))", "string"],
  ["smithy.api#httpQueryParams", "structure > member :test(> map > member[id|member=value] > :test(string, list > member > string))", "annotation"],
  ["smithy.api#httpResponseCode", "structure :not([trait|input]) > member :test(> integer)", "annotation"],
  ["smithy.api#idRef", ":test(string, member > string)", { struct: { selector: "string", failWhenMissing: "boolean", errorMessage: "string" } }],
  ["smithy.api#idempotencyToken", "structure > :test(member > string)", "annotation"],
  ["smithy.api#idempotent", "operation", { struct: { exists: { list: "shapeId" }, notFound: { list: "shapeId" } } }],
  ["smithy.api#input", "structure", "annotation"],
  ["smithy.api#internal", "*", "annotation"],
  ["smithy.api#jsonName", ":is(structure, union) > member", "string"],
  ["smithy.api#length", ":test(list, map, string, blob, member > :is(list, map, string, blob))", { struct: { min: "integer", max: "integer" } }],
  ["smithy.api#longPoll", "operation", { struct: { timeoutMillis: "integer" }, required: ["timeoutMillis"] }],
  ["smithy.api#mediaType", ":is(blob, string)", "string"],
  ["smithy.api#metadata", "dataType :not([trait|input]) :not([trait|output])", { struct: { key: "string" }, required: ["key"] }],
  ["smithy.api#mixin", ":not(member)", { struct: { localTraits: { list: "shapeRef" } } }],
  ["smithy.api#nestedProperties", "operation -[input, output]-> structure > member :test(> structure)", "annotation"],
  ["smithy.api#noReplace", "resource:test(-[put]->)", "annotation"],
  ["smithy.api#notProperty", ":is(operation -[input, output]-> structure > member, [trait|trait])", "annotation"],
  ["smithy.api#optionalAuth", "operation", "annotation"],
  ["smithy.api#output", "structure", "annotation"],
  ["smithy.api#paginated", ":is(service, operation)", { struct: { inputToken: "string", outputToken: "string", items: "string", pageSize: "string" } }],
  ["smithy.api#pattern", ":test(string, member > string)", "string"],
  ["smithy.api#private", "*", "annotation"],
  ["smithy.api#property", "structure > member", { struct: { name: "string" } }],
  ["smithy.api#protocolDefinition", "structure[trait|trait]", { struct: { traits: { list: "shapeRef" }, noInlineDocumentSupport: "boolean" } }],
  ["smithy.api#range", ":test(number, member > number)", { struct: { min: "number", max: "number" } }],
  ["smithy.api#readonly", "operation", "annotation"],
  ["smithy.api#recommended", "structure > member", { struct: { reason: "string" } }],
  ["smithy.api#references", ":is(structure, string)", { list: { struct: { resource: "string", ids: { map: "string" }, service: "string", rel: "string" }, required: ["resource"] } }],
  ["smithy.api#requestCompression", "operation", { struct: { encodings: { list: "string" } }, required: ["encodings"] }],
  ["smithy.api#required", "structure > member", "annotation"],
  ["smithy.api#requiresLength", "blob[trait|streaming]", "annotation"],
  ["smithy.api#resourceIdentifier", "structure > :test(member[trait|required] > string)", "string"],
  ["smithy.api#retryable", "structure[trait|error]", { struct: { throttling: "boolean" } }],
  ["smithy.api#sensitive", ":not(:test(service, operation, resource, member))", "annotation"],
  ["smithy.api#since", "*", "string"],
  ["smithy.api#sparse", ":is(list, map)", "annotation"],
  ["smithy.api#streaming", ":is(blob, union)", "annotation"],
  ["smithy.api#suppress", "*", { list: "string" }],
  ["smithy.api#tags", "*", { list: "string" }],
  ["smithy.api#timestampFormat", ":test(timestamp, member > timestamp)", { enum: ["date-time", "epoch-seconds", "http-date"] }],
  ["smithy.api#title", "*", "string"],
  ["smithy.api#trait", ":is(simpleType, list, map, structure, union)", {
    struct: {
      selector: "string",
      structurallyExclusive: { enum: ["member", "target"] },
      conflicts: { list: "string" },
      breakingChanges: {
        list: {
          struct: {
            path: "string",
            change: { enum: ["update", "add", "remove", "presence", "any"] },
            severity: { enum: ["NOTE", "WARNING", "DANGER", "ERROR"] },
            message: "string",
          },
          required: ["change"],
        },
      },
    },
  }],
  ["smithy.api#traitValidators", "[trait|trait]", {
    map: {
      struct: { selector: "string", message: "string", severity: { enum: ["NOTE", "WARNING", "DANGER", "ERROR"] } },
      required: ["selector"],
    },
  }],
  ["smithy.api#uniqueItems", "list :not(> member ~> :is(float, double, document))", "annotation"],
  ["smithy.api#unitType", "[id=smithy.api#Unit]", "annotation"],
  ["smithy.api#unstable", "*", "annotation"],
  ["smithy.api#xmlAttribute", "structure > :test(member > :test(boolean, number, string, timestamp))", "annotation"],
  ["smithy.api#xmlFlattened", ":is(structure, union) > :test(member > :test(list, map))", "annotation"],
  ["smithy.api#xmlName", ":is(structure, union, member)", "string"],
  ["smithy.api#xmlNamespace", ":is(service, member, simpleType, list, map, structure, union)", { struct: { uri: "string", prefix: "string" }, required: ["uri"] }],
  // smithy.contracts
  ["smithy.contracts#conditions", ":not(:test(service, operation, resource))", { map: { struct: { expression: "string", documentation: "string" }, required: ["expression", "documentation"] } }],
  // smithy.mqtt
  ["smithy.mqtt#mqttJson", "service", "annotation"],
  ["smithy.mqtt#publish", "operation :not(-[output]-> * > member)", "string"],
  ["smithy.mqtt#subscribe", "operation :test(-[output]->)", "string"],
  ["smithy.mqtt#topicLabel", "member[trait|required] :test(> :test(string, byte, short, integer, long, boolean, timestamp))", "annotation"],
  // smithy.openapi
  ["smithy.openapi#specificationExtension", "[trait|trait]", { struct: { as: "string" } }],
  // smithy.protocols
  ["smithy.protocols#rpcv2Cbor", "service", { struct: { http: { list: "string" }, eventStreamHttp: { list: "string" } } }],
  ["smithy.protocols#rpcv2Json", "service", { struct: { http: { list: "string" }, eventStreamHttp: { list: "string" } } }],
  // smithy.rules
  ["smithy.rules#clientContextParams", "service", { map: { struct: { type: { enum: ["string", "boolean"] }, documentation: "string" }, required: ["type"] } }],
  ["smithy.rules#contextParam", "operation -[input]-> structure > member", { struct: { name: "string" }, required: ["name"] }],
  ["smithy.rules#endpointBdd", "service", {
    struct: {
      version: "string",
      parameters: {
        map: {
          struct: {
            type: { enum: ["string", "boolean", "stringArray"] },
            deprecated: "boolean",
            documentation: "string",
            default: "any",
            builtIn: "string",
            required: "boolean",
          },
          required: ["type"],
        },
      },
      conditions: { list: { struct: { fn: "string", argv: { list: "any" }, assign: "string" }, required: ["fn", "argv"] } },
      results: {
        list: {
          struct: {
            type: { enum: ["endpoint", "error"] },
            documentation: "string",
            error: "any",
            endpoint: { struct: { url: "any", properties: { map: "any" }, headers: { map: { list: "any" } } }, required: ["url"] },
            conditions: { list: { struct: { fn: "string", argv: { list: "any" }, assign: "string" }, required: ["fn", "argv"] } },
          },
          required: ["type"],
        },
      },
      root: "integer",
      nodeCount: "integer",
      nodes: "string",
    },
    required: ["version", "parameters", "conditions", "results", "root", "nodeCount", "nodes"],
  }],
  ["smithy.rules#endpointRuleSet", "service", "any"],
  ["smithy.rules#endpointTests", "service :is([trait|smithy.rules#endpointRuleSet], [trait|smithy.rules#endpointBdd])", {
    struct: {
      version: "string",
      testCases: {
        list: {
          struct: {
            documentation: "string",
            params: "any",
            operationInputs: {
              list: {
                struct: { operationName: "string", operationParams: "any", builtInParams: "any", clientParams: "any" },
                required: ["operationName"],
              },
            },
            expect: "any",
          },
          required: ["expect"],
        },
      },
    },
    required: ["version"],
  }],
  ["smithy.rules#operationContextParams", "operation", { map: { struct: { path: "string" }, required: ["path"] } }],
  ["smithy.rules#staticContextParams", "operation", { map: { struct: { value: "any" }, required: ["value"] } }],
  // smithy.test
  ["smithy.test#eventStreamTests", "operation :test(-[input, output]-> structure > member > union[trait|streaming])", {
    list: {
      struct: {
        id: "string",
        protocol: "shapeRef",
        initialRequestParams: "any",
        initialRequest: "any",
        initialRequestShape: "shapeRef",
        initialResponseParams: "any",
        initialResponse: "any",
        initialResponseShape: "shapeRef",
        events: {
          list: {
            struct: {
              type: { enum: ["request", "response"] },
              params: "any",
              headers: { map: "any" },
              forbidHeaders: { list: "string" },
              requireHeaders: { list: "string" },
              body: "any",
              bodyMediaType: "string",
              bytes: "any",
              vendorParams: "any",
              vendorParamsShape: "shapeRef",
            },
            required: ["type"],
          },
        },
        expectation: "any",
        vendorParams: "any",
        vendorParamsShape: "shapeRef",
        documentation: "string",
        appliesTo: { enum: ["client", "server"] },
        tags: { list: "string" },
      },
      required: ["id", "protocol"],
    },
  }],
  ["smithy.test#httpMalformedRequestTests", "operation", {
    list: {
      struct: {
        id: "string",
        protocol: "shapeRef",
        request: {
          struct: {
            method: "string",
            uri: "string",
            host: "string",
            queryParams: { list: "string" },
            headers: { map: "string" },
            body: "string",
            bodyMediaType: "string",
          },
          required: ["method", "uri"],
        },
        response: {
          struct: {
            headers: { map: "string" },
            code: "integer",
            body: { struct: { assertion: "any", mediaType: "string" }, required: ["assertion", "mediaType"] },
          },
          required: ["code"],
        },
        documentation: "string",
        tags: { list: "string" },
        testParameters: { map: { list: "string" } },
      },
      required: ["id", "protocol", "request", "response"],
    },
  }],
  ["smithy.test#httpRequestTests", "operation", {
    list: {
      struct: {
        ...HTTP_MESSAGE_TEST,
        method: "string",
        uri: "string",
        host: "string",
        resolvedHost: "string",
        queryParams: { list: "string" },
        forbidQueryParams: { list: "string" },
        requireQueryParams: { list: "string" },
      },
      required: ["method", "uri", "id", "protocol"],
    },
  }],
  ["smithy.test#httpResponseTests", ":test(operation, structure[trait|error])", {
    list: {
      struct: { ...HTTP_MESSAGE_TEST, code: "integer" },
      required: ["code", "id", "protocol"],
    },
  }],
  ["smithy.test#smokeTests", "operation", {
    list: {
      struct: { id: "string", params: "any", vendorParams: "any", vendorParamsShape: "shapeRef", expect: "any", tags: { list: "string" } },
      required: ["id", "expect"],
    },
  }],
  // smithy.waiters
  ["smithy.waiters#waitable", "operation :not(-[input, output]-> structure > member > union[trait|streaming])", {
    map: {
      struct: {
        documentation: "string",
        acceptors: {
          list: {
            struct: { state: { enum: ["success", "failure", "retry"] }, matcher: "any", message: "string" },
            required: ["state", "matcher"],
          },
        },
        minDelay: "integer",
        maxDelay: "integer",
        deprecated: "boolean",
        tags: { list: "string" },
      },
      required: ["acceptors"],
    },
  }],
];
