import { describe, expect, it } from '@jest/globals';
import { parse } from 'graphql';
import {
  maskAddress,
  maskBirthDate,
  maskCccd,
  maskName,
  maskPhone,
  maskPlate,
  maskValue,
} from '../../src/auth/masking.js';
import { maskResult } from '../../src/auth/maskResult.js';
import { requirements, schema } from './fixtures/supergraph.js';

describe('masks by kind', () => {
  it('masks a CCCD keeping the birth-province prefix and the last three digits', () => {
    expect(maskCccd('017095001123')).toBe('017******123');
  });
  it('masks a phone number as 0912***678', () => {
    expect(maskPhone('0912345678')).toBe('0912***678');
  });
  it('masks a plate number as 28A-***.45', () => {
    expect(maskPlate('28A-123.45')).toBe('28A-***.45');
    expect(maskPlate('28B1-234.56')).toBe('28B1-***.56');
  });
  it('reduces a Vietnamese name to its initials', () => {
    expect(maskName('Nguyễn Văn An')).toBe('N. V. A.');
    expect(maskName('đinh thị ánh')).toBe('Đ. T. Á.');
  });
  it('hides the house and street of an address but keeps the commune', () => {
    expect(maskAddress('Số 12 Trần Hưng Đạo, Phường Phương Lâm, Hòa Bình')).toBe(
      '***, Phường Phương Lâm, Hòa Bình',
    );
  });
  it('keeps only the year of a birth date', () => {
    expect(maskBirthDate('1990-05-12')).toBe('1990-**-**');
  });
  it('rounds coordinates to about a kilometre', () => {
    expect(maskValue('LOCATION', { latitude: 20.813_456, longitude: 105.338_912 })).toEqual({
      latitude: 20.81,
      longitude: 105.34,
    });
  });
  it('masks an unknown kind entirely and never returns short values unchanged', () => {
    expect(maskValue('SOMETHING_NEW', 'bí mật')).toBe('******');
    expect(maskPhone('113')).not.toBe('113');
    expect(maskCccd('12')).not.toBe('12');
  });
});

describe('maskResult', () => {
  it('masks personal data wherever the operation put it: aliases, fragments, abstract types', () => {
    const document = parse(`
      query {
        list: incidents { id phone: reporterPhone ...Who }
        search(text: "a") { __typename ... on CameraEvent { plate } ... on Incident { reporterPhone } }
      }
      fragment Who on Incident { reporterName }
    `);
    const data = {
      list: [{ id: '1', phone: '0912345678', reporterName: 'Nguyễn Văn An' }],
      search: [
        { __typename: 'CameraEvent', plate: '28A-123.45' },
        { __typename: 'Incident', reporterPhone: '0987654321' },
      ],
    };
    const { masked } = maskResult({ schema, requirements, document, data });
    expect(data).toEqual({
      list: [{ id: '1', phone: '0912***678', reporterName: 'N. V. A.' }],
      search: [
        { __typename: 'CameraEvent', plate: '28A-***.45' },
        { __typename: 'Incident', reporterPhone: '0987***321' },
      ],
    });
    expect(masked.sort()).toEqual(['CameraEvent.plate', 'Incident.reporterName', 'Incident.reporterPhone']);
  });

  it('masks a value selected twice only once', () => {
    const document = parse(
      '{ vaccination(cccd: "x") { birthDate ...B } } fragment B on Vaccination { birthDate }',
    );
    const data = { vaccination: { birthDate: '1990-05-12' } };
    maskResult({ schema, requirements, document, data });
    expect(data.vaccination.birthDate).toBe('1990-**-**');
  });

  it('applies each fragment once per object: 40 fragments that each spread the next one twice still mask', () => {
    const fragments = Array.from({ length: 40 }, (_, i) =>
      i === 39
        ? 'fragment F39 on Incident { id reporterPhone }'
        : `fragment F${i} on Incident { ...F${i + 1} ...F${i + 1} }`,
    ).join(' ');
    const document = parse(`{ incidents { ...F0 } } ${fragments}`);
    const data = {
      incidents: [
        { id: '1', reporterPhone: '0912345678' },
        { id: '2', reporterPhone: '0987654321' },
      ],
    };
    const { masked } = maskResult({ schema, requirements, document, data });
    expect(data.incidents.map((incident) => incident.reporterPhone)).toEqual(['0912***678', '0987***321']);
    expect(masked).toEqual(['Incident.reporterPhone']);
  });

  it('leaves data that is not personal untouched, and nulls stay null', () => {
    const document = parse('{ vaccination(cccd: "x") { doses cccd } units { name } }');
    const data = { vaccination: { doses: 2, cccd: null }, units: [{ name: 'Phường Phương Lâm' }] };
    maskResult({ schema, requirements, document, data });
    expect(data).toEqual({ vaccination: { doses: 2, cccd: null }, units: [{ name: 'Phường Phương Lâm' }] });
  });
});
