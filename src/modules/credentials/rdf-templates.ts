import jsonld from 'jsonld';
import * as rdfCanonize from 'rdf-canonize';

/**
 * RDF Dataset Canonicalization (RDFC-1.0) of JSON-LD documents, with a template cache.
 *
 * Turning JSON-LD into RDF (expansion against the contexts) costs ~10 ms for an Open Badges
 * credential; canonicalizing the resulting 100 quads costs ~0.2 ms. Credentials of one
 * micro-credential all have the same shape: the same keys, the same types and contexts, and
 * differ only in string values (ids, names, dates, marks). So the first document of a shape is
 * converted in full, and a template records which quad term each varying string became. Later
 * documents of that shape fill the template and go straight to canonicalization.
 *
 * The template is only trusted when it provably reproduces the full conversion: it is built from
 * a second, probed conversion and checked against the first, and a value is only substituted
 * where the conversion copies it verbatim (a literal, or an absolute IRI of a scheme no context
 * can rewrite). Anything else falls back to the full conversion.
 */

interface Term {
  termType: string;
  value: string;
  datatype?: Term;
  language?: string;
}
interface Quad {
  subject: Term;
  predicate: Term;
  object: Term;
  graph: Term;
}
type Position = 'subject' | 'object';

interface Slot {
  leaf: number;
  kind: 'literal' | 'iri';
  refs: { quad: number; position: Position }[];
}

interface Template {
  /** Leaf index → the value that must be there for the template to apply. */
  fixed: Map<number, string>;
  slots: Slot[];
  dataset: Quad[];
}

/** Absolute IRIs whose scheme no JSON-LD context in use defines as a prefix, so expansion leaves them as they are. */
const SAFE_IRI = /^(?:urn|did|https?):[^\s<>"{}|\\^`]*$/;

export interface CanonizeOptions {
  documentLoader: (url: string) => Promise<unknown>;
  [option: string]: unknown;
}

/**
 * The document's shape, its string values in walk order, and whether it may use a template: only
 * when every `@context` is a trusted URL. An inline context may define `did` or `urn` as a prefix,
 * and then an IRI the template would copy verbatim is in fact rewritten.
 */
function shapeOf(
  document: unknown,
  isTrustedContext: (url: string) => boolean,
): { shape: string; strings: string[]; isTemplatable: boolean } {
  const strings: string[] = [];
  const parts: string[] = [];
  let isTemplatable = true;
  const checkContext = (context: unknown) => {
    const entries = Array.isArray(context) ? context : [context];
    if (!entries.every((entry) => typeof entry === 'string' && isTrustedContext(entry)))
      isTemplatable = false;
  };
  const walk = (value: unknown): void => {
    if (typeof value === 'string') {
      strings.push(value);
      parts.push('$');
    } else if (Array.isArray(value)) {
      parts.push('[');
      for (const item of value) walk(item);
      parts.push(']');
    } else if (value && typeof value === 'object') {
      parts.push('{');
      for (const [key, item] of Object.entries(value)) {
        if (key === '@context') checkContext(item);
        parts.push(JSON.stringify(key), ':');
        walk(item);
      }
      parts.push('}');
    } else {
      parts.push(JSON.stringify(value ?? null));
    }
  };
  walk(document);
  return { shape: parts.join(''), strings, isTemplatable };
}

function withStrings(document: unknown, strings: readonly string[]): unknown {
  let next = 0;
  const rebuild = (value: unknown): unknown => {
    if (typeof value === 'string') return strings[next++];
    if (Array.isArray(value)) return value.map(rebuild);
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, rebuild(item)]));
    return value;
  };
  return rebuild(document);
}

function termKey(term: Term): string {
  return `${term.termType}\u0000${term.value}\u0000${term.datatype?.value ?? ''}\u0000${term.language ?? ''}`;
}

/**
 * A dataset is a set: when two slots receive the same value (the issuer described twice, say),
 * their quads coincide and count once, as they do when JSON-LD merges the two node objects.
 */
function fill(template: Template, strings: readonly string[]): Quad[] {
  const dataset = template.dataset.map((quad) => ({ ...quad }));
  for (const slot of template.slots) {
    const value = strings[slot.leaf]!;
    for (const ref of slot.refs) {
      const quad = dataset[ref.quad]!;
      quad[ref.position] = { ...quad[ref.position], value };
    }
  }
  const seen = new Set<string>();
  return dataset.filter((quad) => {
    const key = [quad.subject, quad.predicate, quad.object, quad.graph].map(termKey).join('\u0001');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function createTemplateCanonizer({
  maxTemplates = 200,
  isTrustedContext,
}: {
  maxTemplates?: number;
  /** Contexts whose terms are known not to rewrite urn:, did: or http(s): IRIs (the bundled ones). */
  isTrustedContext: (url: string) => boolean;
}) {
  /** Shape → template, or null when the shape cannot be templated (always converted in full). */
  const templates = new Map<string, Template | null>();
  const stats = { templated: 0, full: 0, built: 0 };

  async function toRdf(document: unknown, options: CanonizeOptions): Promise<Quad[]> {
    return (await jsonld.toRDF(document, {
      base: null,
      safe: true,
      rdfDirection: 'i18n-datatype',
      ...options,
      produceGeneralizedRdf: false,
      format: undefined,
    })) as Quad[];
  }

  async function canonical(dataset: Quad[]): Promise<string> {
    return rdfCanonize.canonize(dataset, {
      algorithm: 'RDFC-1.0',
      format: 'application/n-quads',
    }) as Promise<string>;
  }

  async function buildTemplate(document: unknown, strings: string[], options: CanonizeOptions, full: Quad[]) {
    const literals = new Set<string>();
    const iris = new Set<string>();
    for (const quad of full) {
      for (const position of ['subject', 'object'] as const) {
        const term = quad[position];
        if (term.termType === 'Literal') literals.add(term.value);
        if (term.termType === 'NamedNode') iris.add(term.value);
      }
    }
    const probes = strings.map((value, leaf) => {
      if (iris.has(value) && SAFE_IRI.test(value)) return `urn:x-template-probe:${leaf}`;
      if (literals.has(value)) return `x-template-probe-${leaf}`;
      return value;
    });
    const probed = await toRdf(withStrings(document, probes), options);
    const slots: Slot[] = [];
    const fixed = new Map<number, string>();
    const refsByProbe = new Map<string, { quad: number; position: Position; kind: 'literal' | 'iri' }[]>();
    probed.forEach((quad, index) => {
      for (const position of ['subject', 'object'] as const) {
        const term = quad[position];
        if (term.value.includes('x-template-probe')) {
          const list = refsByProbe.get(term.value) ?? [];
          list.push({ quad: index, position, kind: term.termType === 'Literal' ? 'literal' : 'iri' });
          refsByProbe.set(term.value, list);
        }
      }
    });
    for (const [leaf, probe] of probes.entries()) {
      if (probe === strings[leaf]) {
        fixed.set(leaf, probe);
        continue;
      }
      const refs = refsByProbe.get(probe) ?? [];
      const kinds = new Set(refs.map((ref) => ref.kind));
      // A probe that vanished, or surfaced in two kinds of term, is not a plain copy: no template.
      if (refs.length === 0 || kinds.size !== 1) return null;
      refsByProbe.delete(probe);
      slots.push({
        leaf,
        kind: [...kinds][0]!,
        refs: refs.map(({ quad, position }) => ({ quad, position })),
      });
    }
    // A probe inside a longer term (e.g. concatenated into an IRI) means values are not copied verbatim.
    if (refsByProbe.size > 0) return null;
    const template: Template = { fixed, slots, dataset: probed };
    // Proof that the template reproduces the full conversion of the document it was built from.
    if ((await canonical(fill(template, strings))) !== (await canonical(full))) return null;
    return template;
  }

  function applies(template: Template, strings: string[]): boolean {
    for (const [leaf, value] of template.fixed) if (strings[leaf] !== value) return false;
    return template.slots.every((slot) => slot.kind === 'literal' || SAFE_IRI.test(strings[slot.leaf]!));
  }

  return {
    stats,
    /** Same signature and output as the cryptosuite's canonize (RDFC-1.0, N-Quads). */
    async canonize(document: unknown, options: CanonizeOptions): Promise<string> {
      const { shape, strings, isTemplatable } = shapeOf(document, isTrustedContext);
      if (!isTemplatable) {
        stats.full += 1;
        return canonical(await toRdf(document, options));
      }
      const template = templates.get(shape);
      if (template && applies(template, strings)) {
        stats.templated += 1;
        return canonical(fill(template, strings));
      }
      stats.full += 1;
      const full = await toRdf(document, options);
      if (template === undefined) {
        if (templates.size >= maxTemplates) templates.delete(templates.keys().next().value as string);
        const built = await buildTemplate(document, strings, options, full).catch(() => null);
        if (built) stats.built += 1;
        templates.set(shape, built);
      }
      return canonical(full);
    },
  };
}
