import { describe, expect, test } from 'vitest';
import { assignFacts, type FactEvent } from './fact-history';

const registration = (writer: number, before: Record<string, unknown> | null = null): FactEvent[] => [
  // v1 wrote the person row (what it replaced) and then the employment (who wrote it).
  { writer: null, written: [], before },
  { writer, written: ['phone', 'id_front', 'photo'], before: null },
];

describe('assignFacts: each employment gets what it recorded', () => {
  test('a person registered in A, then in B with a new phone and photos: each keeps its own', () => {
    const events = [...registration(1), ...registration(2, { phone: '139****1111', id_front: 'front-a', photo: 'photo-a' })];
    const facts = assignFacts(['phone', 'id_front', 'photo'], { phone: '13900002222', id_front: 'front-b', photo: 'photo-b' }, events, [1, 2]);
    // A's phone was kept masked by the audit log: gone, but never replaced by B's.
    expect(facts.get(1)).toEqual({ id_front: 'front-a', photo: 'photo-a' });
    expect(facts.get(2)).toEqual({ phone: '13900002222', id_front: 'front-b', photo: 'photo-b' });
  });

  test('a later registration that wrote the same value changes nothing in between', () => {
    const events = [...registration(1), ...registration(2, {}), { writer: 2, written: ['blood_type'], before: { blood_type: null } }];
    const facts = assignFacts(['phone', 'blood_type'], { phone: '13900001111', blood_type: 'a' }, events, [1, 2]);
    expect(facts.get(1)).toEqual({ phone: '13900001111' });
    expect(facts.get(2)).toEqual({ phone: '13900001111', blood_type: 'a' });
  });

  test('a field no write explains (seeded data) goes to every employment of the person', () => {
    const facts = assignFacts(['bank_card_no'], { bank_card_no: '6228480000000000018' }, registration(1), [1, 2, 3]);
    expect([...facts.values()]).toEqual([{ bank_card_no: '6228480000000000018' }, { bank_card_no: '6228480000000000018' }, { bank_card_no: '6228480000000000018' }]);
  });

  test('nothing known stays nothing', () => {
    const facts = assignFacts(['face_photo'], { face_photo: null }, [], [1]);
    expect(facts.get(1)).toEqual({});
  });
});
