import { explainPlanIssue, type PlanIssue } from '@seats/core';
import { ProblemError } from './problem-error';

/** Core's reasons a plan cannot be made, as the problem the API answers. */
export function planProblem(issues: PlanIssue[]): ProblemError {
  if (issues.some((issue) => issue.code === 'unknown-pool')) {
    return new ProblemError(404, 'not_found', { detail: 'No such licence type.' });
  }
  return new ProblemError(422, 'plan_invalid', {
    detail: issues.map(explainPlanIssue).join(' '),
    issues,
    errors: issues.map((issue) => ({
      field: issue.field,
      code: issue.code,
      message: explainPlanIssue(issue),
    })),
  });
}
