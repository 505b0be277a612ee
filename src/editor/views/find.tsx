/** The page listing what the jump box found in the draft. */
import type { Framework, ItemType } from "../../db/schema.ts";
import type { TreeNode } from "../../frameworks/tree.ts";
import { type Lang, messages } from "../../i18n/index.ts";
import { editorUrls } from "../urls.ts";
import { JumpForm } from "./jump-form.tsx";
import { frameworkTitle, typeLabel } from "./outline.tsx";
import { EditorCrumbs, Statement } from "./parts.tsx";

export function FindPage(props: {
  lang: Lang;
  framework: Framework;
  types: ItemType[];
  query: string;
  hits: TreeNode[];
  total: number;
  /** Each item's ancestors' statements, for telling apart items with the same words. */
  pathOf: (node: TreeNode) => TreeNode[];
}) {
  const { lang, framework } = props;
  const t = messages(lang);
  const slug = framework.slug;
  return (
    <>
      <EditorCrumbs
        lang={lang}
        crumbs={[
          { href: editorUrls.home(lang), label: t.editorTitle },
          { href: editorUrls.framework(lang, slug), label: frameworkTitle(lang, framework) },
          { label: t.editorJumpTitle },
        ]}
      />
      <h1>{t.editorJumpTitle}</h1>
      <p class="lead">{t.editorJumpIntro}</p>
      <JumpForm lang={lang} slug={slug} value={props.query} />
      <div role="status" class="search-status">
        {props.query ? (
          <p>{props.total > 0 ? t.editorJumpCount(props.total, props.query) : t.editorJumpNone(props.query)}</p>
        ) : (
          <p>{t.editorJumpEmpty}</p>
        )}
      </div>
      {props.hits.length > 0 && (
        <ol class="jump-results">
          {props.hits.map((node) => (
            <li>
              <span class="label">{typeLabel(lang, props.types, node.type)}</span>{" "}
              {node.code && <span class="code">{node.code}</span>}{" "}
              <a href={editorUrls.item(lang, slug, node.id)}>
                <Statement lang={lang} en={node.statement.en} fr={node.statement.fr} />
              </a>
              {props.pathOf(node).length > 0 && (
                <span class="meta">
                  {" "}
                  ·{" "}
                  {props.pathOf(node).map((a, index) => (
                    <>
                      {index > 0 && " › "}
                      <Statement lang={lang} en={a.statement.en} fr={a.statement.fr} />
                    </>
                  ))}
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
