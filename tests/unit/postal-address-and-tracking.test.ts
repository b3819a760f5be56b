/** Postal addresses (34 provinces, two levels) and S10 tracking codes, as the carrier adapter checks them. */
import {
  VIETNAM_PROVINCES,
  findProvince,
  formatPostalAddress,
  formatTrackingCode,
  fromDonHang,
  fromHanhTrinh,
  isValidTrackingCode,
  parsePostalAddress,
  s10CheckDigit,
  toWireOrder,
} from '../../adapters/postal';

describe('S10 tracking codes', () => {
  it('computes the UPU check digit, with its two special cases', () => {
    expect(s10CheckDigit('12345678')).toBe(5); // 204 mod 11 = 6 → 11 − 6
    expect(formatTrackingCode('EL', 12345678)).toBe('EL123456785VN');
    // sum ≡ 1 (mod 11) → 10 → 0; sum ≡ 0 → 11 → 5
    const serialWith = (remainder: number) => {
      for (let n = 0; ; n += 1) {
        const digits = String(n).padStart(8, '0');
        const sum = [...digits].reduce((a, d, i) => a + Number(d) * [8, 6, 4, 2, 3, 5, 9, 7][i], 0);
        if (sum % 11 === remainder) return digits;
      }
    };
    expect(s10CheckDigit(serialWith(1))).toBe(0);
    expect(s10CheckDigit(serialWith(0))).toBe(5);
  });

  it('refuses a code whose check digit or shape is wrong', () => {
    expect(isValidTrackingCode('EL123456785VN')).toBe(true);
    expect(isValidTrackingCode('EL123456784VN')).toBe(false);
    expect(isValidTrackingCode('EL12345678VN')).toBe(false);
    expect(isValidTrackingCode('el123456785vn')).toBe(false);
    expect(() => formatTrackingCode('E1', 1)).toThrow(RangeError);
    expect(() => formatTrackingCode('EL', 100_000_000)).toThrow(RangeError);
  });
});

describe('postal addresses', () => {
  it('knows the 34 provinces by any usual spelling', () => {
    expect(VIETNAM_PROVINCES).toHaveLength(34);
    expect(findProvince('Hà Nội')?.code).toBe('01');
    expect(findProvince('TP. Hồ Chí Minh')?.name).toBe('Thành phố Hồ Chí Minh');
    expect(findProvince('tỉnh  đắk lắk')?.code).toBe('66');
    // Merged away on 1 July 2025: no longer a province.
    expect(findProvince('Tỉnh Hà Giang')).toBeUndefined();
  });

  it('splits a one-line address into detail, commune and canonical province', () => {
    const address = parsePostalAddress('Số 12 phố Điện Biên Phủ,  Phường Ba Đình, Hà Nội');
    expect(address).toEqual({ detail: 'Số 12 phố Điện Biên Phủ', commune: 'Phường Ba Đình', province: 'Thành phố Hà Nội' });
    expect(formatPostalAddress(address!)).toBe('Số 12 phố Điện Biên Phủ, Phường Ba Đình, Thành phố Hà Nội');
    expect(parsePostalAddress('Thôn 3, Ấp 2, xã Cần Giờ, TP. Hồ Chí Minh')).toEqual({
      detail: 'Thôn 3, Ấp 2',
      commune: 'Xã Cần Giờ',
      province: 'Thành phố Hồ Chí Minh',
    });
  });

  it('refuses what a carrier could not route', () => {
    expect(parsePostalAddress('Số 12 phố Điện Biên Phủ, Hà Nội')).toBeNull(); // no commune
    expect(parsePostalAddress('Số 12, Quận Ba Đình, Hà Nội')).toBeNull(); // districts are gone
    expect(parsePostalAddress('Số 12, Phường Ba Đình, Hà Giang')).toBeNull();
    expect(parsePostalAddress('')).toBeNull();
  });
});

describe('carrier wire format', () => {
  const address = { detail: 'Số 1', commune: 'Phường Ba Đình', province: 'Thành phố Hà Nội' };

  it('sends orders with Vietnamese member names and a default weight', () => {
    const wire = toWireOrder({
      reference: 'D-1',
      sender: { name: 'Sở Tư pháp', address },
      recipient: { name: 'Nguyễn Văn An', phone: '0912345678', address },
      contents: 'Kết quả',
    });
    expect(wire).toMatchObject({
      maThamChieu: 'D-1',
      khoiLuongGram: 200,
      nguoiNhan: { hoTen: 'Nguyễn Văn An', soDienThoai: '0912345678', diaChi: { phuongXa: 'Phường Ba Đình', tinhThanh: 'Thành phố Hà Nội' } },
    });
  });

  it('reads orders and tracking, and refuses records missing what the hub relies on', () => {
    const donHang = {
      loaiDon: 'CHUYEN_PHAT',
      maDonHang: 'VNP261130000001',
      maVanDon: 'EL123456785VN',
      maThamChieu: 'D-1',
      trangThai: 'CREATED',
      ngayTao: '2026-11-30T02:00:00.000Z',
      cuocPhiVnd: 22000,
    };
    expect(fromDonHang(donHang)).toMatchObject({ kind: 'DELIVERY', trackingCode: 'EL123456785VN', feeVnd: 22000 });
    expect(fromDonHang({ ...donHang, trangThai: 'LOST' })).toBeNull();
    expect(fromDonHang({ ...donHang, loaiDon: 'KHAC' })).toBeNull();
    expect(fromDonHang({ ...donHang, ngayTao: 'yesterday' })).toBeNull();
    const hanhTrinh = {
      maDonHang: 'VNP261130000001',
      maVanDon: 'EL123456785VN',
      trangThai: 'IN_TRANSIT',
      lichSu: [{ trangThai: 'CREATED', thoiGian: '2026-11-30T02:00:00.000Z', buuCuc: 'Bưu cục Trung tâm Hà Nội', moTa: 'Đã tạo đơn' }],
    };
    expect(fromHanhTrinh(hanhTrinh)?.events[0]).toMatchObject({ status: 'CREATED', location: 'Bưu cục Trung tâm Hà Nội' });
    expect(fromHanhTrinh({ ...hanhTrinh, lichSu: [{ trangThai: 'CREATED' }] })).toBeNull();
  });
});
