import { expect } from '@open-wc/testing';
import { dictionaries, fill, plural, toLang } from './i18n.js';

describe('i18n', () => {
  it('ru and en have the same keys, the same shapes and no empty texts', () => {
    const { ru, en } = dictionaries;
    expect(Object.keys(en).sort()).to.deep.equal(Object.keys(ru).sort());
    for (const [k, v] of Object.entries(ru)) {
      const e = en[k as keyof typeof en];
      expect(Array.isArray(e), k).to.equal(Array.isArray(v));
      for (const text of [v, e].flat()) expect(String(text).trim(), k).not.to.equal('');
    }
  });

  it('uses Russian plural forms', () => {
    const f = dictionaries.ru.waiting;
    expect(plural('ru', f, 1)).to.equal('1 ответ ожидает отправки');
    expect(plural('ru', f, 3)).to.equal('3 ответа ожидают отправки');
    expect(plural('ru', f, 11)).to.equal('11 ответов ожидают отправки');
    expect(plural('ru', f, 22)).to.equal('22 ответа ожидают отправки');
    expect(plural('en', dictionaries.en.waiting, 1)).to.equal('1 response is waiting to be sent');
    expect(plural('en', dictionaries.en.waiting, 2)).to.equal('2 responses are waiting to be sent');
  });

  it('fills placeholders and maps language tags', () => {
    expect(fill(dictionaries.ru.progress, { n: 3, total: 12 })).to.equal('Вопрос 3 из 12');
    expect(fill(dictionaries.en.progress, { n: 3, total: 12 })).to.equal('Question 3 of 12');
    expect(toLang('en-GB')).to.equal('en');
    expect(toLang('ru-RU')).to.equal('ru');
    expect(toLang('tt')).to.equal('ru');
    expect(toLang(undefined)).to.equal('ru');
  });
});
