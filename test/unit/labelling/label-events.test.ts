import { describe, expect, it } from 'vitest';
import { validateEvent } from '../../../events/catalog/validate';
import { ValidationError } from '../../../events/errors';
import { facts, mergeOf4And9, splitOf358 } from './label-story';

const malformed = [
  {
    what: 'a merge under a new parent without a name',
    event: { ...mergeOf4And9, data: { ...mergeOf4And9.data, name: undefined } },
    error: /malformed LabelsMerged event c1\/merged\/l4\+l9\/l49: name: Required/,
  },
  {
    what: 'a merge under an existing parent that names it',
    event: {
      ...facts.labelsMerged(['l4', 'l9'], 'l7'),
      data: { ...facts.labelsMerged(['l4', 'l9'], 'l7').data, name: '7' },
    },
    error: /Unrecognized key\(s\) in object: 'name'/,
  },
  {
    what: 'a merge of three labels',
    event: { ...mergeOf4And9, data: { ...mergeOf4And9.data, labelIds: ['l4', 'l9', 'l7'] } },
    error: /labelIds: Array must contain at most 2 element\(s\)/,
  },
  {
    what: 'a split into one child',
    event: { ...splitOf358, data: { ...splitOf358.data, children: [] } },
    error: /children: Array must contain at least 2 element\(s\)/,
  },
  {
    what: 'a relabel by an expert who is not named',
    event: {
      ...facts.pointsRelabelled([1], 'l4'),
      data: { ...facts.pointsRelabelled([1], 'l4').data, by: 'expert' },
    },
    error: /expertId: Required/,
  },
  {
    what: 'a relabel by a vote that names an expert',
    event: {
      ...facts.pointsRelabelled([1], 'l4'),
      data: { ...facts.pointsRelabelled([1], 'l4').data, expertId: 'alice' },
    },
    error: /Unrecognized key\(s\) in object: 'expertId'/,
  },
  {
    what: 'a relabel of no points',
    event: facts.pointsRelabelled([], 'l4', 'alice'),
    error: /pointIds: Array must contain at least 1 element\(s\)/,
  },
  {
    what: 'a relabel of a negative point id',
    event: facts.pointsRelabelled([-1], 'l4', 'alice'),
    error: /pointIds.0: Number must be greater than or equal to 0/,
  },
];

describe('label events in the catalogue', () => {
  it.each([
    facts.labelCreated('l4', '4'),
    mergeOf4And9,
    facts.labelsMerged(['l4', 'l9'], 'l7'),
    splitOf358,
    facts.labelRenamed('l4', 'four'),
    facts.labelMoved('l4', null),
    facts.pointsRelabelled([1, 2], 'l4', 'alice', 'lasso'),
    facts.pointsRelabelled([1], 'l4'),
  ])('accept a well-formed $type', (event) => {
    expect(validateEvent(event)).toEqual(event);
  });

  it.each(malformed)('refuse $what', ({ event, error }) => {
    expect(() => validateEvent(event)).toThrow(ValidationError);
    expect(() => validateEvent(event)).toThrow(error);
  });
});
