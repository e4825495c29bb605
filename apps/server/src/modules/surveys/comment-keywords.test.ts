import { describe, expect, it } from 'vitest';
import { commentKeywords, isKeyword, normalizeKeyword, stopWords } from './comment-keywords.js';

describe('comment keywords (jieba TF-IDF, stop words removed)', () => {
  it('keeps what the comment is about and drops degree, politeness and satisfaction words', () => {
    const k = commentKeywords('营业厅排队时间太长了，等了一个多小时，工作人员态度还可以，谢谢');
    expect(k).toEqual(expect.arrayContaining(['营业厅', '排队', '工作人员', '态度']));
    for (const w of ['一个多', '小时', '谢谢', '可以', '还是']) expect(k).not.toContain(w);
    // a comment that only says it was fine has nothing to put in the cloud
    expect(commentKeywords('服务很好，非常满意！')).toEqual([]);
    expect(commentKeywords('   ')).toEqual([]);
  });

  it('never turns a phone number or an account into a keyword; Latin words in one spelling', () => {
    const k = commentKeywords('请回电13812345678，宽带账号 5310012345 一直断网，5g 信号也差');
    expect(k.some((w) => /\d{5,}/.test(w))).toBe(false);
    expect(k).toContain('宽带');
    expect(k).toContain('5G');
    expect(normalizeKeyword(' wifi ')).toBe('WIFI');
  });

  it('keeps at most the strongest few, each once', () => {
    const k = commentKeywords('宽带断网，宽带断网，宽带又断网。装机师傅迟到，客服电话打不通，资费太贵，套餐不透明，信号差，网速慢', 4);
    expect(k).toHaveLength(4);
    expect(new Set(k).size).toBe(4);
    expect(k[0]).toBe('宽带');
  });

  it('isKeyword: two characters or more, no stop word, no amount of time, not digits', () => {
    expect(isKeyword('网速')).toBe(true);
    expect(isKeyword('5G')).toBe(true);
    expect(isKeyword('网')).toBe(false);
    expect(isKeyword('投诉')).toBe(false); // the hot-topic list
    expect(isKeyword('满意')).toBe(false); // the survey list
    expect(isKeyword('三次')).toBe(false);
    expect(isKeyword('两个月')).toBe(false);
    expect(isKeyword('三趟')).toBe(false);
    expect(isKeyword('2026')).toBe(false);
    expect(isKeyword('，。')).toBe(false);
    expect(isKeyword('A13812345678')).toBe(false);
    // the shared hot-topic stop list is part of today's list
    expect(stopWords()).toEqual(expect.arrayContaining(['客户', '工单', '满意', '服务']));
  });
});
