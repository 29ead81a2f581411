import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../i18n/en.js';
import { zh } from '../i18n/zh.js';
import { describeWarning, warningsToShow, WARNING_CODES, type WarningTranslate } from './importWarnings.js';

const i18n = i18next.createInstance();
const inLanguage =
  (lng: string): WarningTranslate =>
  (key, options) =>
    i18n.t(key, { ...options, lng });

beforeAll(async () => {
  await i18n.init({ lng: 'zh', resources: { zh: { translation: zh }, en: { translation: en } }, interpolation: { escapeValue: false } });
});

describe('describeWarning', () => {
  it('words each warning in Chinese with its count', () => {
    const zhT = inLanguage('zh');
    expect(describeWarning({ code: 'images', count: 3 }, zhT)).toBe('3 张图片未导入（文档不支持图片）');
    expect(describeWarning({ code: 'headers_footers', count: 2 }, zhT)).toBe('页眉页脚未导入（导出时按公文格式重新生成）');
    expect(describeWarning({ code: 'comments', count: 5 }, zhT)).toBe('5 条批注未导入');
    expect(describeWarning({ code: 'tracked_changes', count: 12 }, zhT)).toBe('12 处修订已按接受处理');
    expect(describeWarning({ code: 'fields', count: 1 }, zhT)).toBe('1 处页码、日期等域只保留了显示的文字');
    expect(describeWarning({ code: 'notes', count: 2 }, zhT)).toBe('2 个脚注或尾注未导入');
    expect(describeWarning({ code: 'objects', count: 4 }, zhT)).toBe('4 个文本框、图形、公式或嵌入对象未导入');
  });
  it('has words for every code in both languages', () => {
    for (const lng of ['zh', 'en'])
      for (const code of WARNING_CODES) {
        const line = describeWarning({ code, count: 7 }, inLanguage(lng));
        expect(line).not.toContain('import.warnings');
        expect(line).not.toContain('{{');
      }
    expect(describeWarning({ code: 'images', count: 3 }, inLanguage('en'))).toBe('Pictures not imported (documents have no pictures): 3');
  });
  it("falls back to the server's words for a code it does not know", () => {
    expect(describeWarning({ code: 'smart_art', count: 1, message: '1 SmartArt graphic was not imported' }, inLanguage('zh'))).toBe(
      '1 SmartArt graphic was not imported',
    );
    expect(describeWarning({ code: 'smart_art', count: 1 }, inLanguage('zh'))).toBe('smart_art');
  });
});

describe('warningsToShow', () => {
  it('leaves out nothing-counts and puts them in a steady order', () => {
    const shown = warningsToShow([
      { code: 'smart_art', count: 1 },
      { code: 'comments', count: 2 },
      { code: 'images', count: 0 },
      { code: 'headers_footers', count: 1 },
    ]);
    expect(shown.map((w) => w.code)).toEqual(['headers_footers', 'comments', 'smart_art']);
  });
});
