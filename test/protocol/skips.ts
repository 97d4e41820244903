// The one list of protocol compliance cases that do not run, each with its reason. The
// protocol-tests runner prints them and their number.

export const CLIENT_SKIPS: Record<string, string> = {};
