/**
 * Every formula of the seed text, exactly as written there: each `$$…$$`
 * display and each `$…$` inline formula, in order of appearance. None is
 * retyped: tests and benchmarks take them from the file.
 */
export function seedFormulas(text: string): string[] {
  const out: string[] = [];
  const pattern = /\$\$([\s\S]+?)\$\$|\$([^$]+?)\$/g;
  for (const m of text.matchAll(pattern)) out.push((m[1] ?? m[2])!.trim());
  return out;
}
