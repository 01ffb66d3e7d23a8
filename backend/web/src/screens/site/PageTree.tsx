// The page tree as an accessible tree grid (react-aria-components' Tree): arrow keys move
// between pages, Enter opens one, and a page is dragged before, after or into another —
// with the mouse, or from the keyboard with its drag handle (Enter, arrows, Enter).

import type { ReactElement } from "react";
import { Tree, useDragAndDrop } from "react-aria-components";

export interface Node {
  id: string;
  parentId?: string | null;
  slug: string;
  position: number;
  version: number;
  status: string;
  hasUnpublishedChanges: boolean;
  titleUk: string;
  section?: string | null;
}

interface TreeNode extends Node {
  children: TreeNode[];
}

export function PageTree({
  roots,
  pages,
  renderItem,
  onOpen,
  onMove,
  label,
}: {
  roots: TreeNode[];
  pages: Node[];
  renderItem: (node: TreeNode) => ReactElement;
  onOpen: (id: string) => void;
  onMove: (page: Node, parent: string | null, position: number) => void;
  label: string;
}) {
  const byId = (id: unknown) => pages.find((p) => p.id === id);
  const { dragAndDropHooks } = useDragAndDrop<TreeNode>({
    getItems: (keys) =>
      [...keys].map((key) => ({ "text/plain": byId(key)?.titleUk ?? String(key), "application/x-hromada-page": String(key) })),
    onMove(e) {
      const moved = byId([...e.keys][0]);
      const target = byId(e.target.key);
      if (!moved || !target || moved.id === target.id) return;
      if (e.target.dropPosition === "on") {
        const last = pages.filter((p) => p.parentId === target.id).reduce((m, p) => Math.max(m, p.position + 1), 0);
        onMove(moved, target.id, last);
        return;
      }
      const parent = target.parentId ?? null;
      const position = e.target.dropPosition === "before" ? target.position : target.position + 1;
      onMove(moved, parent, position);
    },
  });
  const expanded = pages.map((p) => p.id);
  return (
    <Tree
      aria-label={label}
      className="page-tree"
      items={roots}
      defaultExpandedKeys={expanded}
      dragAndDropHooks={dragAndDropHooks}
      onAction={(key) => onOpen(String(key))}
    >
      {renderItem}
    </Tree>
  );
}
