/** How `action-item-owner` reads an owner out of an action item's text. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ownerIn } from '../../server/src/core/rules/actionItems';

describe('action item owners', () => {
  const owned: Array<[string, string]> = [
    ['- [ ] Add a disk alert @alice', '@alice'],
    ['- Add a disk alert (@sre-team, due June 1)', '@sre-team'],
    ['- Add a disk alert. Owner: @alice', '@alice'],
    ['- Add a disk alert. Owner: Alice Smith', 'Alice Smith'],
    ['- Add a disk alert (owner: platform team)', 'platform team'],
    ['- Add a disk alert — **Owner**: Bob', 'Bob'],
    ['- Add a disk alert — **Owner:** Bob', 'Bob'],
    ['- Add a disk alert, Assignee: Carol', 'Carol'],
    ['- Add a disk alert; DRI = Dan', 'Dan'],
    ['- Add a disk alert, assigned to the storage team', 'the storage team'],
    ['- Add a disk alert\n  - Owner: Erin', 'Erin'],
  ];
  for (const [text, owner] of owned) {
    it(`owner in: ${text.replace(/\n/g, ' ⏎ ')}`, () => assert.equal(ownerIn(text), owner));
  }

  const placeholders = ['- Add a disk alert (owner: TBD)', '- Add a disk alert. Owner: ?', '- Add a disk alert. Owner:', '- Add a disk alert, assignee: unassigned'];
  for (const text of placeholders) {
    it(`placeholder owner: ${text}`, () => assert.equal(ownerIn(text), ''));
  }

  const none = [
    '- Add a disk alert',
    '- Email ops@example.com about the disk alert',
    '- Document who is responsible for certificates',
    '- Make the owner-less cron jobs visible',
    '- Review `@Override` annotations',
  ];
  for (const text of none) {
    it(`no owner: ${text}`, () => assert.equal(ownerIn(text), undefined));
  }
});
