import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { bank, MODULE_ID } from '../support/banks';
import { localStore } from '../support/dynamo';
import { demoPeople } from '../../infra/local/demo-data';
import { useBrowserPerTest } from './browser';
import { signInAs } from './sign-in';

const stack = inject('stack');
const baseUrl = stack.webUrl;
const store = localStore(stack);
const errors: string[] = [];
const chromium = useBrowserPerTest(async (page) => {
  errors.length = 0;
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(`${message.text()} (${message.location().url})`));
  await signInAs(page, baseUrl, demoPeople.traineeA.email);
});
let page: Page;
beforeEach(() => {
  page = chromium.page();
  return () => expect(errors, 'no script or CSP errors in the page').toEqual([]);
});

/** Chooses options by their visible text, as a trainee would. */
async function answer(questionIndex: number, optionTexts: string[]) {
  const fieldset = page.locator('fieldset').nth(questionIndex);
  for (const text of optionTexts) await fieldset.getByLabel(text, { exact: true }).check();
}

const optionTexts = (questionIndex: number, ids: string[]) =>
  ids.map((id) => bank.questions[questionIndex].options.find((option) => option.id === id)!.text);
const wrongIds = (questionIndex: number) => [
  bank.questions[questionIndex].options.find((option) => !bank.questions[questionIndex].correctOptionIds.includes(option.id))!.id,
];

describe('taking the Mechanism of action quiz in Chromium', () => {
  it('reads the module, takes the quiz, and sees the score, pass and per-question feedback', async () => {
    await page.goto(`${baseUrl}/`);
    await page.getByRole('link', { name: /Mechanism of action/ }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Mechanism of action');
    expect(await page.getByRole('heading', { name: 'The wound-healing cascade' }).isVisible()).toBe(true);

    await page.getByRole('link', { name: 'Take the quiz' }).click();
    await page.locator('fieldset').first().waitFor();
    expect(await page.locator('fieldset').count()).toBe(bank.questions.length);

    // Submitting with gaps is caught in the page, before anything reaches the server.
    await answer(0, optionTexts(0, bank.questions[0].correctOptionIds));
    await page.getByRole('button', { name: 'Submit answers' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain(`${bank.questions.length - 1} questions are still unanswered`);

    // All right but the last question.
    const last = bank.questions.length - 1;
    for (let index = 1; index < last; index += 1) await answer(index, optionTexts(index, bank.questions[index].correctOptionIds));
    await answer(last, optionTexts(last, wrongIds(last)));
    await page.getByRole('button', { name: 'Submit answers' }).click();

    const result = page.getByTestId('attempt-result');
    await result.waitFor();
    const percent = Math.round(((bank.questions.length - 1) / bank.questions.length) * 100);
    expect(await result.innerText()).toContain(`Passed · ${percent}%`);
    expect(await result.innerText()).toContain(`${bank.questions.length - 1} of ${bank.questions.length}`);
    const feedback = page.getByTestId('feedback-item');
    expect(await feedback.count()).toBe(bank.questions.length);
    const lastFeedback = await feedback.nth(last).textContent();
    expect(lastFeedback).toContain('✗ Incorrect');
    expect(lastFeedback).toContain(bank.questions[last].explanation);
    expect(await feedback.nth(last).getByRole('link', { name: 'Review this in the lesson' }).getAttribute('href')).toBe(
      `/courses/${MODULE_ID}#${bank.questions[last].section}`,
    );

    const stored = (await store.attemptItems()).filter((item) => item.correctCount === bank.questions.length - 1);
    expect(stored).toEqual([expect.objectContaining({ userSub: demoPeople.traineeA.sub })]);

    await page.getByRole('link', { name: 'My progress' }).click();
    const row = page.getByRole('row').filter({ hasText: 'Mechanism of action' }).first();
    expect(await row.innerText()).toContain('Passed');
  });

  it('shows a failed attempt against the pass mark, then starts a fresh attempt', async () => {
    await page.goto(`${baseUrl}/courses/${MODULE_ID}/quiz`);
    await page.locator('fieldset').first().waitFor();
    for (let index = 0; index < bank.questions.length; index += 1) await answer(index, optionTexts(index, wrongIds(index)));
    await page.getByRole('button', { name: 'Submit answers' }).click();
    const result = page.getByTestId('attempt-result');
    await result.waitFor();
    expect(await result.innerText()).toContain('Not passed · 0%');
    expect(await result.innerText()).toContain('The pass mark is 80%');

    await page.getByRole('button', { name: 'Start a new attempt' }).click();
    await page.locator('fieldset').first().waitFor();
    expect(await page.locator('input:checked').count()).toBe(0);
  });
});
