/** The exit codes of mimgen's commands, one definition for the CLI's modules. */
export const EXIT_OK = 0;
/** Findings: lint errors, an invalid delivery, stale files. */
export const EXIT_FINDINGS = 1;
/** A usage error or input that cannot be read. */
export const EXIT_USAGE = 2;
/** check-pr: the GitHub API refused a call. */
export const EXIT_API = 3;
/**
 * A bug in mimgen, not a problem with the input (EX_SOFTWARE of sysexits.h): kept apart from 2, so that a
 * test or a script that expects "bad input" cannot mistake a crash for it.
 */
export const EXIT_INTERNAL = 70;
