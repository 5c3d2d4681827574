// A request's allowance of list items.
/**
 * How many list items one response may hold. Static limits (depth, cost) cannot see how many items
 * a list will have, so nested lists that fan out (relationships of relationships of ...) are
 * counted as they resolve; past the cap the request stops and answers RESULT_TOO_LARGE.
 */
export const MAX_LIST_ITEMS = 20_000;

export class ListBudget {
  private items = 0;
  exceeded = false;

  spend(n: number): boolean {
    this.items += n;
    if (this.items > MAX_LIST_ITEMS) this.exceeded = true;
    return !this.exceeded;
  }
}

