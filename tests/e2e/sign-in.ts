import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../infra/local/demo-data';

/** Fills in and submits the provider's sign-in page, which the page must already show. */
export async function submitCredentials(page: Page, email: string, password: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Goes to the app and presses its Sign in button, which leads to the provider's page. */
export async function startSignIn(page: Page, webUrl: string, startAt = '/') {
  await page.goto(`${webUrl}${startAt}`);
  await page.getByRole('button', { name: 'Sign in' }).first().click();
}

/** Signs in the way a person does: the Sign in button, the provider's page, back to the app. */
export async function signInAs(page: Page, webUrl: string, email: string, password = DEMO_PASSWORD, startAt = '/') {
  await startSignIn(page, webUrl, startAt);
  await submitCredentials(page, email, password);
  await page.getByTestId('signed-in-as').waitFor();
}
