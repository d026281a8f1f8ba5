import { Background, Controls, type Edge, Handle, type Node, type NodeProps, Position, ReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { Flex, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgChartNodeData } from '../../app/api/types';
import { attitudeColor } from '../enum-tags';
import styles from './org-chart.module.css';
import { layoutTree } from './tidy-tree';

const size = { nodeWidth: 184, nodeHeight: 96, siblingGap: 16, levelGap: 48 };

type PersonNode = Node<{ person: OrgChartNodeData }, 'person'>;

function InfluenceDots({ value }: { value: number | null }) {
  const { t } = useTranslation();
  if (value === null) return null;
  return (
    <span className={styles.dots} title={t('contact.influenceValue', { value })}>
      {[1, 2, 3, 4, 5].map((i) => (
        <i key={i} className={i <= value ? styles.dotOn : styles.dotOff} />
      ))}
    </span>
  );
}

function PersonCard({ data }: NodeProps<PersonNode>) {
  const { t } = useTranslation();
  const { person } = data;
  const colour = person.attitude ? attitudeColor[person.attitude] : '#d9d9d9';
  return (
    <div className={styles.card} style={{ borderTopColor: colour }}>
      <Handle type="target" position={Position.Top} className={styles.handle} isConnectable={false} />
      <div className={styles.head}>
        <span className={styles.name} title={person.name}>
          {person.name}
        </span>
        <InfluenceDots value={person.influence} />
      </div>
      <div className={styles.title} title={[person.title, person.department].filter(Boolean).join(' · ')}>
        {[person.title, person.department].filter(Boolean).join(' · ') || '—'}
      </div>
      <div className={styles.tags}>
        {person.decisionRole && <span className={styles.role}>{t(`enum.decisionRole.${person.decisionRole}`)}</span>}
        {person.attitude && (
          <span className={styles.attitude} style={{ background: colour }}>
            {t(`enum.attitude.${person.attitude}`)}
          </span>
        )}
      </div>
      <Handle type="source" position={Position.Bottom} className={styles.handle} isConnectable={false} />
    </div>
  );
}

const nodeTypes = { person: PersonCard };

/**
 * The account's org chart, drawn from reports-to: one card per person (name, title, decision
 * role, attitude colour from champion green to opponent red, influence dots).
 */
export function OrgChart({ people, onOpen }: { people: OrgChartNodeData[]; onOpen?: (id: string) => void }) {
  const { t } = useTranslation();
  const { nodes, edges, height } = useMemo(() => {
    const placed = layoutTree(
      people.map((p) => ({ id: p.id, parentId: p.reportsToId })),
      size,
    );
    const byId = new Map(people.map((p) => [p.id, p]));
    const nodes: PersonNode[] = placed.map((p) => ({
      id: p.id,
      type: 'person',
      position: { x: p.x, y: p.y },
      data: { person: byId.get(p.id) as OrgChartNodeData },
      draggable: false,
      connectable: false,
    }));
    const ids = new Set(people.map((p) => p.id));
    const edges: Edge[] = people
      .filter((p) => p.reportsToId && p.reportsToId !== p.id && ids.has(p.reportsToId))
      .map((p) => ({
        id: `${p.reportsToId}->${p.id}`,
        source: p.reportsToId as string,
        target: p.id,
        type: 'smoothstep',
        style: { stroke: '#94a3b8', strokeWidth: 1.5 },
      }));
    // tall enough for every level at full size, within what a laptop screen shows
    const levels = Math.max(0, ...placed.map((p) => p.depth)) + 1;
    const height = Math.min(640, Math.max(280, levels * (size.nodeHeight + size.levelGap) + 48));
    return { nodes, edges, height };
  }, [people]);

  return (
    <Flex vertical gap={8}>
      <div className={styles.canvas} style={{ height }}>
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          fitView
          fitViewOptions={{ padding: 0.04, maxZoom: 1 }}
          minZoom={0.2}
          maxZoom={1.5}
          nodesConnectable={false}
          nodesDraggable={false}
          edgesFocusable={false}
          onNodeClick={(_, node) => onOpen?.(node.id)}
        >
          <Background gap={20} color="#e2e8f0" />
          <Controls showInteractive={false} position="top-right" />
        </ReactFlow>
      </div>
      <Flex gap={16} wrap align="center">
        <Typography.Text type="secondary">{t('orgChart.legend')}</Typography.Text>
        {(Object.keys(attitudeColor) as (keyof typeof attitudeColor)[]).map((a) => (
          <Flex key={a} align="center" gap={6}>
            <span className={styles.swatch} style={{ background: attitudeColor[a] }} />
            <Typography.Text>{t(`enum.attitude.${a}`)}</Typography.Text>
          </Flex>
        ))}
        <Flex align="center" gap={6}>
          <InfluenceDots value={3} />
          <Typography.Text type="secondary">{t('orgChart.influence')}</Typography.Text>
        </Flex>
      </Flex>
    </Flex>
  );
}
