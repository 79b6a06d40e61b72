// The readiness check (the audit checklist's wizard): its answers, score, workflow spec and the sample
// audit built from them. Pure, shared by the wizard island, the booking page and the operator's email.
export * from './areas.ts'; // the five workflow areas and their labels
export * from './answers.ts'; // the answers' schema, steps, stored answers and the checks before "Next"
export * from './score.ts'; // the score, its bands and blockers
export * from './spec.ts'; // the one-page workflow spec, the 30-day plan, and their Markdown
export * from './sample-audit.ts'; // the sample audit outcome on invented answers
