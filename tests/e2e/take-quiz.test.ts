import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { demoPeople } from '../../infra/local/demo-data';
import { bundledBanks, correctAnswer, questionById, wrongAnswer } from '../support/banks';
import { useBrowserPerTest } from './browser';
import { signInAs } from './sign-in';

const stack = inject('stack');
const drawSize = (moduleId: string) => bundledBanks.get(moduleId)!.policy.drawSize;
/** The score shown for an attempt with one of `count` questions wrong. */
const oneWrong = (count: number) => `${Math.round(((count - 1) / count) * 100)}%`;
const errors: string[] = [];
const chromium = useBrowserPerTest((page) => {
  errors.length = 0;
  page.on('pageerror', (error) => errors.push(error.message));
  page.on(
    'console',
    (message) =>
      message.type() === 'error' && !message.text().includes('429') && errors.push(`${message.text()} (${message.location().url})`),
  );
});
let page: Page;
beforeEach(() => {
  page = chromium.page();
  return () => expect(errors, 'no script or CSP errors in the page').toEqual([]);
});

/** What tells one question from the others on the page: its vignette, or its prompt (the build refuses near-duplicate stems). */
const stemOf = (questionId: string) => questionById(questionId).vignette ?? questionById(questionId).prompt;

/** The ids of the questions the server drew, in page order. */
async function servedQuestionIds(): Promise<string[]> {
  await page.locator('fieldset.question').first().waitFor();
  return (await page.locator('fieldset.question').evaluateAll((nodes) => nodes.map((node) => node.id))).map((id) =>
    id.replace(/^question-/, ''),
  );
}

/** Chooses options by their visible text, as a trainee would. */
async function answer(questionId: string, optionIds: string[]) {
  const question = questionById(questionId);
  const fieldset = page.locator(`fieldset#question-${questionId}`);
  for (const optionId of optionIds) {
    const text = question.options.find((option) => option.id === optionId)!.text;
    await fieldset.getByLabel(text, { exact: true }).check();
  }
}

describe('a trainee in Chromium', () => {
  it('reads a module with its figure and key points', async () => {
    await signInAs(page, stack.webUrl, demoPeople.traineeA.email);
    await page.getByRole('link', { name: /Technique and needle pressure/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Technique and needle pressure' }).waitFor();
    const figure = page.getByRole('img', { name: /^Needle depth in cheek and neck skin/ });
    expect(await figure.isVisible()).toBe(true);
    expect(await page.getByText(/^The depth each set length reaches in cheek and neck skin/).isVisible()).toBe(true);
    await page.getByRole('link', { name: 'Passes and pressure' }).click();
    expect(new URL(page.url()).hash).toBe('#passes-and-pressure');
  });

  it('passes a quiz: server-drawn questions, score and feedback, then sees it in progress and review', async () => {
    await signInAs(page, stack.webUrl, demoPeople.traineeA.email);
    await page.goto(`${stack.webUrl}/courses/mechanism-of-action`);
    await page.getByRole('link', { name: 'Take the quiz' }).click();
    const served = await servedQuestionIds();
    const count = drawSize('mechanism-of-action');
    expect(served).toHaveLength(count);

    // Submitting with gaps is caught in the page, before anything reaches the server.
    await answer(served[0], correctAnswer(served[0]));
    await page.getByRole('button', { name: 'Submit answers' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain(`${count - 1} questions are still unanswered`);

    const wrong = served.find((id) => !questionById(id).safetyCritical)!;
    for (const id of served.slice(1)) await answer(id, id === wrong ? wrongAnswer(id) : correctAnswer(id));
    if (wrong === served[0]) await answer(served[0], wrongAnswer(served[0]));
    await page.getByRole('button', { name: 'Submit answers' }).click();

    const result = page.getByTestId('attempt-result');
    await result.waitFor();
    expect(await result.innerText()).toContain(`Passed · ${oneWrong(count)}`);
    const feedback = page.getByTestId('feedback-item');
    expect(await feedback.count()).toBe(count);
    const wrongItem = feedback.filter({ hasText: stemOf(wrong) });
    expect(await wrongItem.innerText()).toContain('✗ Incorrect');
    expect(await wrongItem.innerText()).toContain(questionById(wrong).explanation);
    expect(await wrongItem.getByRole('link', { name: 'Revisit this in the lesson' }).getAttribute('href')).toBe(
      `/courses/mechanism-of-action#${questionById(wrong).section}`,
    );
    const right = served.find((id) => id !== wrong)!;
    // The result explains what was missed; every explanation is one link away, in the review.
    expect(await feedback.filter({ hasText: stemOf(right) }).innerText()).not.toContain(questionById(right).explanation);
    await page.getByRole('link', { name: 'Review every question with its explanation' }).click();
    await page.waitForURL(/\/attempts\/review\?id=/);
    await page.getByTestId('attempt-result').waitFor();
    expect(
      await page
        .getByTestId('feedback-item')
        .filter({ hasText: stemOf(right) })
        .innerText(),
    ).toContain(questionById(right).explanation);

    await page.getByRole('link', { name: 'My progress' }).first().click();
    const row = page.getByRole('row').filter({ hasText: 'Mechanism of action' }).first();
    expect(await row.innerText()).toContain('Passed');
    await row.getByRole('link', { name: /Review/ }).click();
    await page.getByTestId('attempt-result').waitFor();
    expect(await page.getByTestId('feedback-item').count()).toBe(count);

    await page.getByRole('link', { name: 'Courses' }).click();
    await expect.poll(() => page.getByTestId('module-status').first().innerText()).toContain('Passed');
  });

  it('fails on a safety-critical mistake despite a passing score, is told what to revisit but not the answer, then waits out the cooldown', async () => {
    await signInAs(page, stack.webUrl, demoPeople.traineeB.email);
    await page.goto(`${stack.webUrl}/courses/contraindications/quiz`);
    const served = await servedQuestionIds();
    const critical = served.find((id) => questionById(id).safetyCritical)!;
    for (const id of served) await answer(id, id === critical ? wrongAnswer(id) : correctAnswer(id));
    await page.getByRole('button', { name: 'Submit answers' }).click();

    const result = page.getByTestId('attempt-result');
    await result.waitFor();
    expect(await result.innerText()).toContain(`Not passed · ${oneWrong(served.length)}`);
    expect(await page.getByTestId('failed-rules').innerText()).toContain('safety-critical');
    expect(await page.getByTestId('review-policy').innerText()).toContain('shown once you have passed this module');
    const missed = await page
      .getByTestId('feedback-item')
      .filter({ hasText: stemOf(critical) })
      .innerText();
    expect(missed).toContain('✗ Incorrect');
    expect(missed).toContain('What it tests');
    expect(missed).not.toContain('Correct answer');
    expect(missed).not.toContain(questionById(critical).explanation);
    expect(await page.getByTestId('next-attempt').innerText()).toContain('You can start the next attempt at');
    expect(await page.getByRole('button', { name: 'Start a new attempt' }).count()).toBe(0);

    await page.goto(`${stack.webUrl}/courses/contraindications/quiz`);
    const blocked = page.getByTestId('attempt-blocked');
    await blocked.waitFor();
    expect(await blocked.innerText()).toContain('review the lesson');
    expect(await blocked.innerText()).toContain('Next attempt:');
  });
});
