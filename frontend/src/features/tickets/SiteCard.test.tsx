import { describe, expect, it } from 'vitest';
import type { TicketDetail } from '../../api/types';
import { fireEvent, render, screen } from '../../test/render';
import { mapLinks, SiteCard, telHref } from './SiteCard';

const ticket = {
  id: 5,
  siteName: 'City Command Center',
  requesterName: 'Han Meimei',
  requesterPhone: '010-5555 0102',
  deviceName: 'Camera C-01',
  site: {
    id: 3,
    name: 'City Command Center',
    address: '上海市徐汇区人民路1号',
    contactName: 'Li Lei',
    contactPhone: '+86 138 0000 0001',
    deviceLocation: 'North-east pole at crossing 1',
  },
} as unknown as TicketDetail;

describe('the site card', () => {
  it('links the address to a map and both phone numbers to a call', () => {
    render(<SiteCard ticket={ticket} />);
    expect(screen.getByTestId('site-name').textContent).toContain('City Command Center');
    expect(screen.getByTestId('site-address').textContent).toBe('上海市徐汇区人民路1号');
    expect(screen.getByTestId('device-location').textContent).toBe(
      'Device: Camera C-01, at North-east pole at crossing 1',
    );
    const map = screen.getByTestId('site-map').getAttribute('href')!;
    expect(map).toContain(encodeURIComponent('上海市徐汇区人民路1号'));
    expect(map.startsWith('https://')).toBe(true);
    expect(screen.getByTestId('site-geo').getAttribute('href')).toBe(
      `geo:0,0?q=${encodeURIComponent('上海市徐汇区人民路1号')}`,
    );
    expect(screen.getByTestId('call-contact').getAttribute('href')).toBe('tel:+8613800000001');
    expect(screen.getByTestId('call-contact').textContent).toContain('Li Lei');
    expect(screen.getByTestId('call-requester').getAttribute('href')).toBe('tel:01055550102');
    expect(screen.getByTestId('call-requester').textContent).toContain('Han Meimei');
  });

  it('offers no call without a number and no map without an address', () => {
    render(<SiteCard ticket={{ ...ticket, requesterPhone: '', site: { id: 3, name: 'X', address: null } }} />);
    expect(screen.queryByTestId('site-map')).toBeNull();
    expect(screen.queryByTestId('call-contact')).toBeNull();
    expect(screen.queryByTestId('call-requester')).toBeNull();
    expect(screen.queryByTestId('device-location')).toBeNull();
    expect(screen.queryByTestId('site-environment-panel')).toBeNull();
  });

  it('folds the site environment below, with only the parts recorded', async () => {
    render(
      <SiteCard
        ticket={{
          ...ticket,
          site: {
            ...ticket.site!,
            environment: { machineRoom: 'Third-floor equipment room', maintainerCount: 2, powerSupply: null },
          },
        }}
      />,
    );
    fireEvent.click(screen.getByText('Site environment'));
    const environment = await screen.findByTestId('site-environment');
    expect(environment.textContent).toContain('Machine room');
    expect(environment.textContent).toContain('Third-floor equipment room');
    expect(environment.textContent).toContain('2 people');
    expect(environment.textContent).not.toContain('Power supply');
  });

  it('builds dialable and map URIs', () => {
    expect(telHref('0571-8888 1234')).toBe('tel:057188881234');
    expect(telHref('none')).toBeNull();
    expect(mapLinks('a b').geo).toBe('geo:0,0?q=a%20b');
  });
});
