import { ErrorCode } from '@lgsp/schema';
import { GraphQLError } from 'graphql';

/**
 * A bad argument, refused before any upstream call (the upstream would answer 400, which the client would report
 * as an upstream failure). The message names the argument, never its value (it may be personal data).
 */
export function badUserInput(argument: string, problem: string): GraphQLError {
  return new GraphQLError(`Invalid argument ${argument}: ${problem}`, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, argument },
  });
}
