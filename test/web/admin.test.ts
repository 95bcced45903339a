/**
 * The admin console in a real browser: the seeded admin invites a user, who completes their
 * first sign-in in another browser; disabling them ends their open session; groups and
 * membership; the last-admin safety rail as a clear message; and a non-admin sees no console
 * (and the API refuses them anyway, asked directly).
 */
import type { Browser, BrowserContext } from 'puppeteer-core';
import { AdminAddUserToGroupDocument, AdminDisableUserDocument, UsersDocument } from '../generated/graphql';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../support/api';
import { seedUsers } from '../support/admin';
import { NEW_PASSWORD, signInTokens, uniqueEmail } from '../support/users';
import { launchBrowser, WebPage } from './support/browser';
import { startWebApi, WebApi } from './support/webApi';

jest.setTimeout(60_000);

let t: WebApi;
let browser: Browser;
let admin: WebPage;
const contexts: BrowserContext[] = [];

async function visitor(): Promise<WebPage> {
  const context = await browser.createBrowserContext();
  contexts.push(context);
  return WebPage.open(context, t.origin);
}

async function signInAs(page: WebPage, email: string, password: string, landing = '/profile'): Promise<void> {
  await page.goto('/sign-in');
  await page.fields({ Email: email, Password: password });
  await page.click('Sign in');
  await page.waitForPath(landing);
}

/** The admin opens a user's page from a search of the users table. */
async function openUser(email: string): Promise<void> {
  await admin.clickInHeader('Admin');
  await admin.waitForPath('/admin');
  await admin.fields({ 'Search in': 'EMAIL', Match: 'STARTS_WITH', Value: email });
  await admin.click('Search');
  await admin.click(email);
  await admin.waitForText('Security events');
}

beforeAll(async () => {
  [t, browser] = await Promise.all([startWebApi(), launchBrowser()]);
  admin = await visitor();
  await signInAs(admin, ADMIN_EMAIL, ADMIN_PASSWORD);
});
afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

const invited = uniqueEmail('invited');
const tenant = `tenant-${Date.now().toString(36)}`;
let invitee: WebPage;

test('the users table lists accounts with status, enabled and groups', async () => {
  await admin.clickInHeader('Admin');
  await admin.waitForPath('/admin');
  await admin.waitForText(ADMIN_EMAIL);
  const table = await admin.mainText();
  expect(table).toMatch(new RegExp(`${ADMIN_EMAIL}\\s+—?\\s*Confirmed\\s+Yes\\s+Admins`));
  expect(await admin.accessibilityViolations()).toEqual([]);
  await admin.screenshot('admin-users');
});

test('an admin invites a user, who sets their own password at first sign-in in another browser', async () => {
  await admin.click('Invite a user');
  await admin.waitForPath('/admin/invite');
  await admin.fields({ Email: invited, Name: 'Grace Hopper', Tenant: tenant });
  expect(await admin.accessibilityViolations()).toEqual([]);
  await admin.click('Invite');
  await admin.waitForText('is invited');
  await admin.waitForText('Invited (must set a password)');

  invitee = await visitor();
  await signInAs(invitee, invited, t.codeFor(invited), '/sign-in');
  await invitee.waitForText('Choose a new password to finish signing in.');
  await invitee.fill('New password', NEW_PASSWORD);
  await invitee.click('Set password and sign in');
  await invitee.waitForPath('/profile');
  await invitee.waitForText('Grace Hopper');

  // Found by tenant (the directory's index), and by email prefix.
  await admin.clickInHeader('Admin');
  await admin.fields({ 'Search in': 'TENANT', Value: tenant });
  await admin.click('Search');
  await admin.waitForNoText(ADMIN_EMAIL);
  expect(await admin.mainText()).toContain(invited);
});

test('the users table pages through a search, 20 at a time', async () => {
  const prefix = `paged-${Date.now().toString(36)}`;
  await seedUsers(t, Array.from({ length: 25 }, (_, i) => `${prefix}-${String(i).padStart(2, '0')}@example.com`));
  const rows = () => admin.page.evaluate('document.querySelectorAll("main tbody tr").length');
  await admin.clickInHeader('Admin');
  await admin.fields({ 'Search in': 'EMAIL', Match: 'STARTS_WITH', Value: prefix });
  await admin.click('Search');
  await admin.waitForText(`${prefix}-00@example.com`);
  expect(await rows()).toBe(20);
  await admin.click('Next page');
  await admin.waitForText('Page 2');
  await admin.waitForText(`${prefix}-24@example.com`);
  expect(await rows()).toBe(5);
  await admin.click('Previous page');
  await admin.waitForText(`${prefix}-00@example.com`);
  expect(await rows()).toBe(20);
});

test('disabling a user ends their open session; enabling lets them back in', async () => {
  await openUser(invited);
  expect(await admin.accessibilityViolations()).toEqual([]);
  await admin.click('Disable account');
  await admin.waitForText('The account is disabled, and its sessions have ended.');
  expect(await admin.mainText()).toMatch(/Enabled\s+No/);

  // The invitee's next request is refused, and the page sends them to sign-in.
  await invitee.click('Edit details');
  await invitee.fill('Name', 'Grace B. Hopper');
  await invitee.click('Save details');
  await invitee.waitForPath('/sign-in');
  await invitee.waitForText('Your session has ended.');

  await admin.click('Enable account');
  await admin.waitForText('The account is enabled.');
  await signInAs(invitee, invited, NEW_PASSWORD);
});

test('groups: create one, add the user, edit it, remove the user, delete it', async () => {
  const group = `editors-${Date.now().toString(36)}`;
  await admin.clickInHeader('Admin');
  await admin.click('Groups');
  await admin.waitForPath('/admin/groups');
  expect(await admin.accessibilityViolations()).toEqual([]);
  await admin.fields({ Name: group, Description: 'People who edit' });
  await admin.click('Create group');
  await admin.waitForPath(`/admin/groups/${group}`);
  await admin.waitForText(`The group ${group} was created.`);

  await openUser(invited);
  await admin.fill('Group', group);
  await admin.click('Add to group');
  await admin.waitForText(`Remove from ${group}`);
  await admin.click(group);
  await admin.waitForPath(`/admin/groups/${group}`);
  await admin.waitForText(invited);
  await admin.fill('Description', 'People who edit, and review');
  await admin.click('Save group');
  await admin.waitForText('The group is saved.');
  expect(await admin.accessibilityViolations()).toEqual([]);

  await openUser(invited);
  await admin.click(`Remove from ${group}`);
  await admin.waitForText('Not a member of any group.');
  await admin.clickInHeader('Admin');
  await admin.click('Groups');
  await admin.click(group);
  await admin.click('Delete group');
  await admin.click('Yes, delete the group');
  await admin.waitForPath('/admin/groups');
  await admin.waitForText(`The group ${group} was deleted.`);
});

test('the last admin cannot leave Admins: the safety rail is shown as a clear message', async () => {
  await openUser(ADMIN_EMAIL);
  await admin.click('Remove from Admins');
  const message = await admin.alert();
  expect(message).toContain('Not allowed: this would lock every admin out.');
  expect(message).toContain('Refused: this would leave the Admins group with no enabled member.');
  await admin.screenshot('admin-safety-rail');
  expect(await admin.mainText()).toContain('Remove from Admins');
});

test('a non-admin sees no console, and the API refuses them the admin operations anyway', async () => {
  expect(await invitee.page.$$eval('header a', (links) => links.map((link) => link.textContent))).not.toContain('Admin');
  await invitee.goto('/admin');
  expect(await invitee.heading()).toBe('Page not found');
  await invitee.goto('/admin/users/anyone');
  expect(await invitee.heading()).toBe('Page not found');

  const { accessToken } = await signInTokens(t, invited, NEW_PASSWORD);
  const refusals = await Promise.all([
    t.gql(AdminDisableUserDocument, { username: ADMIN_EMAIL }, { token: accessToken }),
    t.gql(AdminAddUserToGroupDocument, { username: invited, groupName: 'Admins' }, { token: accessToken }),
    t.gql(UsersDocument, {}, { token: accessToken }),
  ]);
  for (const refused of refusals) expect(refused.errors?.[0]?.errorType).toBe('Unauthorized');
  expect([...admin.problems(), ...invitee.problems()]).toEqual([]);
});

test('a required reset and a temporary password each take the user through their sign-in step', async () => {
  await openUser(invited);
  await admin.click('Require a password reset');
  await admin.click('Yes, require a reset');
  await admin.waitForText('A reset is required');
  // A required reset leaves open sessions alone; it is the next sign-in that must reset.
  await invitee.clickInHeader('Sign out');
  await invitee.waitForPath('/sign-in');
  await signInAs(invitee, invited, NEW_PASSWORD, '/sign-in');
  await invitee.waitForText('This account needs a new password.');
  await invitee.fields({ 'Reset code': t.codeFor(invited), 'New password': 'Reset-Passw0rd!' });
  await invitee.click('Set new password');
  await invitee.waitForText('Your password has been reset.');
  await invitee.fill('Password', 'Reset-Passw0rd!');
  await invitee.click('Sign in');
  await invitee.waitForPath('/profile');

  await admin.fill('New password for the user', 'Temp-Passw0rd!');
  await admin.page.locator('::-p-xpath(//label[starts-with(normalize-space(.), "Permanent")])').click();
  await admin.click('Set password');
  await admin.waitForText('A temporary password is set');
  await signInAs(invitee, invited, 'Temp-Passw0rd!', '/sign-in');
  await invitee.waitForText('Choose a new password to finish signing in.');
  await invitee.fill('New password', NEW_PASSWORD);
  await invitee.click('Set password and sign in');
  await invitee.waitForPath('/profile');
  expect([...admin.problems(), ...invitee.problems()]).toEqual([]);
});

test('deleting a user asks first', async () => {
  await openUser(invited);
  await admin.click('Delete user');
  await admin.waitForText('This cannot be undone.');
  await admin.click('Yes, delete this user');
  await admin.waitForPath('/admin');
  await admin.waitForText(`${invited} has been deleted.`);
});
