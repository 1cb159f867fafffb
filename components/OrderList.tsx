import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/utils/db';
import { listOrders } from '@/utils/db/orders';

const money = (amount: number, currency: string) =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).format(amount);

/** Every stored order, newest first. */
export function OrderList() {
  const orders = useLiveQuery(() => listOrders(getDb()), []);
  if (!orders) return <p>Loading orders…</p>;
  if (orders.length === 0) return <p className="empty">No orders yet.</p>;
  return (
    <table className="orders">
      <caption>Orders ({orders.length})</caption>
      <thead>
        <tr>
          <th scope="col">Ordered</th>
          <th scope="col">Platform</th>
          <th scope="col">Client</th>
          <th scope="col">Title</th>
          <th scope="col">Amount</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {orders.map((o) => (
          <tr key={o.id} data-gigsaathi-order={o.id}>
            <td>{o.orderedAt.slice(0, 10)}</td>
            <td>{o.platform}</td>
            <td>{o.client}</td>
            <td>{o.title}</td>
            <td>{money(o.amount, o.currency)}</td>
            <td>{o.status}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
