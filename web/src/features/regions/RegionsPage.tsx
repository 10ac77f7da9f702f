import { Card, Spin, Tree, Typography } from 'antd';
import { useEffect, useState, type Key, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchRegionChildren, isLeafRegion, type RegionItem } from '../../app/components/RegionPicker';
import { PageTitle } from '../../app/components/PageTitle';
import { useShowError } from '../../app/errors';
import { registerStrings } from '../../app/i18n';

registerStrings(
  { regions: { title: '行政区划', hint: '依据 GB/T 2260；灰色为您管辖范围以外的区划（只读）。' } },
  { regions: { title: 'Regions', hint: 'GB/T 2260 codes; greyed regions are outside your scope (read-only).' } },
);

interface Node {
  key: string;
  title: ReactNode;
  isLeaf: boolean;
  children?: Node[];
}

function toNode(r: RegionItem): Node {
  return {
    key: r.code,
    isLeaf: isLeafRegion(r),
    title: (
      <Typography.Text type={r.inScope ? undefined : 'secondary'} data-testid={`region-${r.code}`}>
        {r.name} ({r.code})
      </Typography.Text>
    ),
  };
}

function withChildren(nodes: Node[], key: Key, children: Node[]): Node[] {
  const loaded = (n: Node): Node => (children.length ? { ...n, children } : { ...n, children, isLeaf: true });
  return nodes.map((n) =>
    n.key === key ? loaded(n) : n.children ? { ...n, children: withChildren(n.children, key, children) } : n,
  );
}

/** Read-only region tree; children load when a node is opened. */
export default function RegionsPage() {
  const { t } = useTranslation();
  const showError = useShowError();
  const [tree, setTree] = useState<Node[] | null>(null);

  useEffect(() => {
    fetchRegionChildren(null)
      .then((items) => setTree(items.map(toNode)))
      .catch((err) => {
        setTree([]);
        showError(err);
      });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const loadData = async (node: { key: Key; children?: unknown }) => {
    if (node.children) return;
    try {
      const items = await fetchRegionChildren(String(node.key));
      setTree((prev) => withChildren(prev ?? [], node.key, items.map(toNode)));
    } catch (err) {
      showError(err);
    }
  };

  return (
    <>
      <PageTitle title={t('regions.title')} />
      <Card>
        <Typography.Paragraph type="secondary">{t('regions.hint')}</Typography.Paragraph>
        {tree === null ? (
          <Spin />
        ) : (
          <Tree<Node>
            treeData={tree}
            loadData={loadData}
            selectable={false}
            showLine
            blockNode
            data-testid="region-tree"
          />
        )}
      </Card>
    </>
  );
}
