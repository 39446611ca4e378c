import { escapeHtml, fill, flag, markup } from './html';

describe('markup', () => {
  it('escapes every interpolated value, in text and in attributes', () => {
    const name = `<script>alert("x")</script>&'`;
    expect(markup`<p title="${name}">${name}</p>`.value).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;</p>',
    );
  });

  it('nests safe markup and arrays, and renders nothing for absent or false values', () => {
    const items = ['a<b', 'c'].map((i) => markup`<li>${i}</li>`);
    expect(markup`<ul>${items}</ul>${undefined}${null}${false}`.value).toBe(
      '<ul><li>a&lt;b</li><li>c</li></ul>',
    );
    expect(markup`<input${flag('checked', true)}${flag('disabled', false)}>`.value).toBe(
      '<input checked>',
    );
  });

  it('fills placeholders and leaves unknown ones', () => {
    expect(fill('at most {max} files of {size}, {other}', { max: 5, size: '5 MB' })).toBe(
      'at most 5 files of 5 MB, {other}',
    );
    expect(escapeHtml('Kadıköy & Üsküdar')).toBe('Kadıköy &amp; Üsküdar');
  });
});
