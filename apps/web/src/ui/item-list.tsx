import type { Key, ReactNode } from 'react';
import styles from './item-list.module.css';

/** A plain divided list of rows, for short lists that need neither paging nor virtual scrolling. */
export function ItemList<T>({
  items,
  itemKey,
  render,
  extra,
}: {
  items: T[];
  itemKey: (item: T) => Key;
  render: (item: T) => ReactNode;
  extra?: (item: T) => ReactNode;
}) {
  return (
    <ul className={styles.list}>
      {items.map((item) => (
        <li key={itemKey(item)} className={styles.item}>
          <div className={styles.main}>{render(item)}</div>
          {extra && <div className={styles.extra}>{extra(item)}</div>}
        </li>
      ))}
    </ul>
  );
}
