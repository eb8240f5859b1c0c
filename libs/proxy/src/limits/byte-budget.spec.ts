import { ByteBudget } from './byte-budget';

describe('ByteBudget', () => {
  it('takes bytes up to its maximum and refuses what would pass it', () => {
    const budget = new ByteBudget(100);
    expect(budget.tryTake(60)).toBe(true);
    expect(budget.tryTake(41)).toBe(false);
    expect(budget.tryTake(40)).toBe(true);
    expect(budget.heldBytes).toBe(100);
    budget.give(60);
    expect(budget.tryTake(50)).toBe(true);
    expect(budget.heldBytes).toBe(90);
  });
});
