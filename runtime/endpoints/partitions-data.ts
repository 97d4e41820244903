// AWS partitions (version 1.1), the data `aws.partition` reads by default: the version the shared
// AWS models' endpoint tests agree with. A newer partitions.json, parsed, can be passed instead.
// Written by generator/client/endpoints/partitions-module.ts from partitions.json.

import type { PartitionData } from "./partition.js";

export const PARTITIONS: PartitionData = {
  version: "1.1",
  partitions: [
    {
      id: "aws",
      regionRegex: "^(us|eu|ap|sa|ca|me|af|il|mx)\\-\\w+\\-\\d+$",
      regions: { "af-south-1": {}, "ap-east-1": {}, "ap-east-2": {}, "ap-northeast-1": {}, "ap-northeast-2": {}, "ap-northeast-3": {}, "ap-south-1": {}, "ap-south-2": {}, "ap-southeast-1": {}, "ap-southeast-2": {}, "ap-southeast-3": {}, "ap-southeast-4": {}, "ap-southeast-5": {}, "ap-southeast-6": {}, "ap-southeast-7": {}, "ca-central-1": {}, "ca-west-1": {}, "eu-central-1": {}, "eu-central-2": {}, "eu-north-1": {}, "eu-south-1": {}, "eu-south-2": {}, "eu-west-1": {}, "eu-west-2": {}, "eu-west-3": {}, "il-central-1": {}, "me-central-1": {}, "me-south-1": {}, "mx-central-1": {}, "sa-east-1": {}, "us-east-1": {}, "us-east-2": {}, "us-west-1": {}, "us-west-2": {}, "aws-global": {} },
      outputs: { name: "aws", dnsSuffix: "amazonaws.com", dualStackDnsSuffix: "api.aws", supportsFIPS: true, supportsDualStack: true, implicitGlobalRegion: "us-east-1" },
    },
    {
      id: "aws-us-gov",
      regionRegex: "^us\\-gov\\-\\w+\\-\\d+$",
      regions: { "us-gov-west-1": {}, "us-gov-east-1": {}, "aws-us-gov-global": {} },
      outputs: { name: "aws-us-gov", dnsSuffix: "amazonaws.com", dualStackDnsSuffix: "api.aws", supportsFIPS: true, supportsDualStack: true, implicitGlobalRegion: "us-gov-west-1" },
    },
    {
      id: "aws-cn",
      regionRegex: "^cn\\-\\w+\\-\\d+$",
      regions: { "cn-north-1": {}, "cn-northwest-1": {}, "aws-cn-global": {} },
      outputs: { name: "aws-cn", dnsSuffix: "amazonaws.com.cn", dualStackDnsSuffix: "api.amazonwebservices.com.cn", supportsFIPS: true, supportsDualStack: true, implicitGlobalRegion: "cn-northwest-1" },
    },
    {
      id: "aws-iso",
      regionRegex: "^us\\-iso\\-\\w+\\-\\d+$",
      regions: { "us-iso-east-1": {}, "us-iso-west-1": {}, "aws-iso-global": {} },
      outputs: { name: "aws-iso", dnsSuffix: "c2s.ic.gov", supportsFIPS: true, supportsDualStack: false, dualStackDnsSuffix: "api.aws.ic.gov", implicitGlobalRegion: "us-iso-east-1" },
    },
    {
      id: "aws-iso-b",
      regionRegex: "^us\\-isob\\-\\w+\\-\\d+$",
      regions: { "us-isob-east-1": {}, "aws-iso-b-global": {} },
      outputs: { name: "aws-iso-b", dnsSuffix: "sc2s.sgov.gov", supportsFIPS: true, supportsDualStack: false, dualStackDnsSuffix: "api.aws.scloud", implicitGlobalRegion: "us-isob-east-1" },
    },
    {
      id: "aws-iso-e",
      regionRegex: "^eu\\-isoe\\-\\w+\\-\\d+$",
      regions: {  },
      outputs: { dnsSuffix: "cloud.adc-e.uk", dualStackDnsSuffix: "api.cloud-aws.adc-e.uk", implicitGlobalRegion: "eu-isoe-west-1", name: "aws-iso-e", supportsDualStack: false, supportsFIPS: true },
    },
    {
      id: "aws-iso-f",
      regionRegex: "^us\\-isof\\-\\w+\\-\\d+$",
      regions: { "aws-iso-f-global": {}, "us-isof-east-1": {}, "us-isof-south-1": {} },
      outputs: { dnsSuffix: "csp.hci.ic.gov", dualStackDnsSuffix: "api.aws.hci.ic.gov", implicitGlobalRegion: "us-isof-south-1", name: "aws-iso-f", supportsDualStack: false, supportsFIPS: true },
    },
    {
      id: "aws-eusc",
      regionRegex: "^eusc\\-(de)\\-\\w+\\-\\d+$",
      regions: { "eusc-de-east-1": { description: "EU (Germany)" } },
      outputs: { dnsSuffix: "amazonaws.eu", dualStackDnsSuffix: "api.amazonwebservices.eu", implicitGlobalRegion: "eusc-de-east-1", name: "aws-eusc", supportsDualStack: true, supportsFIPS: true },
    },
  ],
};
