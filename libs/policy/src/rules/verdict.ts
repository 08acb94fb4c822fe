/** One rule's outcome before the engine stamps it with the rule's id and version. */
export interface Verdict {
  passed: boolean;
  /** A sentence a person can act on; a rule that does not apply says why it does not. */
  reason: string;
}

export const passes = (reason: string): Verdict => ({ passed: true, reason });
export const fails = (reason: string): Verdict => ({ passed: false, reason });

/** Several checks of one rule as one verdict: the failures when any fail, else everything checked. */
export function allOf(verdicts: readonly Verdict[]): Verdict {
  const failed = verdicts.filter((verdict) => !verdict.passed);
  const told = failed.length > 0 ? failed : verdicts;
  return { passed: failed.length === 0, reason: told.map((verdict) => verdict.reason).join(' ') };
}
