/** HTML for the local provider's own pages: sign-in, accepting an invitation, the outbox. */

export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

const STYLE = `
  body { font-family: system-ui, sans-serif; background: #f4f7f8; color: #14213d; margin: 0; }
  main { max-width: 26rem; margin: 3rem auto; background: #fff; border: 1px solid #d5dde1; border-radius: 0.6rem; padding: 1.5rem 2rem; }
  .wide { max-width: 50rem; }
  label { display: block; font-weight: 600; margin-top: 1rem; }
  input { width: 100%; padding: 0.6rem; font: inherit; border: 1px solid #4a5568; border-radius: 0.35rem; margin-top: 0.25rem; box-sizing: border-box; }
  button { margin-top: 1.25rem; background: #0f5c63; color: #fff; border: 0; border-radius: 0.4rem; padding: 0.7rem 1.2rem;
    font: inherit; font-weight: 600; cursor: pointer; }
  :focus-visible { outline: 3px solid #f2b705; outline-offset: 2px; }
  .error { color: #a32020; background: #fbeaea; border: 1px solid #a32020; border-radius: 0.35rem; padding: 0.6rem; }
  .note { color: #4a5568; font-size: 0.9rem; }
  table { border-collapse: collapse; width: 100%; } td, th { text-align: left; padding: 0.4rem; border-bottom: 1px solid #d5dde1; }
  .email { border: 1px solid #d5dde1; border-radius: 0.4rem; padding: 0.5rem 1rem; margin: 1rem 0; }
  .email h3 { margin: 0.4rem 0; font-size: 1.05rem; }
  .email iframe { width: 100%; height: 32rem; border: 1px solid #d5dde1; border-radius: 0.3rem; background: #fff; }
  .email pre { white-space: pre-wrap; font-size: 0.85rem; }`;

export function page(title: string, body: string, wide = false): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · CIT Academy (local sign-in)</title><link rel="icon" href="data:,"><style>${STYLE}</style></head>
<body><main class="${wide ? 'wide' : ''}">${body}</main></body></html>`;
}

export function signInPage(action: string, error?: string, email = ''): string {
  return page(
    'Sign in',
    `<h1>Sign in to CIT Academy</h1>
<p class="note">Local development sign-in, standing in for Cognito's managed login.</p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="${escapeHtml(action)}">
  <label for="email">Email</label><input id="email" name="email" type="email" autocomplete="username" required value="${escapeHtml(email)}" autofocus>
  <label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
  <button type="submit">Sign in</button>
</form>`,
  );
}

export function acceptInvitationPage(action: string, name: string, minLength: number, error?: string): string {
  return page(
    'Accept invitation',
    `<h1>Welcome, ${escapeHtml(name)}</h1>
<p>Choose a password to finish setting up your CIT Academy account.</p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="${escapeHtml(action)}">
  <label for="password">New password (at least ${minLength} characters)</label>
  <input id="password" name="password" type="password" autocomplete="new-password" minlength="${minLength}" required autofocus>
  <label for="confirm">Repeat the password</label>
  <input id="confirm" name="confirm" type="password" autocomplete="new-password" minlength="${minLength}" required>
  <button type="submit">Set password and continue</button>
</form>`,
  );
}

/** An email the platform sent through the local outbox (where SES would send it). */
export interface OutboxEmail {
  messageId: string;
  to: { name: string; email: string };
  subject: string;
  text: string;
  html: string;
  sentAt: string;
}

/**
 * One email: subject, recipient and time, its HTML in a sandboxed frame (no scripts, no forms;
 * links open in a new tab) and its plain-text version.
 */
function emailArticle(email: OutboxEmail, index: number): string {
  const heading = `email-${index}`;
  return (
    `<article class="email" aria-labelledby="${heading}"><h3 id="${heading}">${escapeHtml(email.subject)}</h3>` +
    `<p class="note">To: ${escapeHtml(email.to.name)} &lt;${escapeHtml(email.to.email)}&gt; · Sent: ` +
    `<time datetime="${escapeHtml(email.sentAt)}">${escapeHtml(email.sentAt)}</time></p>` +
    `<iframe title="${escapeHtml(email.subject)}" sandbox="allow-popups allow-popups-to-escape-sandbox" ` +
    `srcdoc="${escapeHtml(email.html.replace('<head>', '<head><base target="_blank">'))}"></iframe>` +
    `<details><summary>Plain-text version</summary><pre>${escapeHtml(email.text)}</pre></details></article>`
  );
}

export function outboxPage(
  rows: { to: string; name: string; role: string; url: string; sentAt: string; acceptedAt?: string; supersededAt?: string }[],
  emails: OutboxEmail[] = [],
): string {
  const body = rows.length
    ? `<table><thead><tr><th>To</th><th>Role</th><th>Sent</th><th>Invitation</th></tr></thead><tbody>${rows
        .map(
          (row) =>
            `<tr><td>${escapeHtml(row.name)}<br><span class="note">${escapeHtml(row.to)}</span></td>` +
            `<td>${escapeHtml(row.role)}</td><td>${escapeHtml(row.sentAt)}</td><td>${
              row.acceptedAt
                ? 'Accepted'
                : row.supersededAt
                  ? 'Replaced by a later invitation'
                  : `<a href="${escapeHtml(row.url)}">Accept invitation</a>`
            }</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '<p>No invitations sent yet.</p>';
  const sent = emails.length ? emails.map(emailArticle).join('') : '<p>No emails sent yet.</p>';
  return page(
    'Outbox',
    `<h1>Local outbox</h1><p class="note">Where Cognito would email invitations and Amazon SES the expiry reminders, the local stack puts them here.</p>` +
      `<h2>Invitations</h2>${body}<h2>Emails</h2>${sent}`,
    true,
  );
}

export function totpPage(action: string, error?: string): string {
  return page(
    'Two-factor sign-in',
    `<h1>Enter your authenticator code</h1>
<p>Open your authenticator app and enter the 6-digit code for CIT Academy.</p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="${escapeHtml(action)}">
  <label for="code">Code</label>
  <input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxlength="6" required autofocus>
  <button type="submit">Verify</button>
</form>`,
  );
}
