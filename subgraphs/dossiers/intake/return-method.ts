import { registerEnumType } from 'type-graphql';

/** How the result goes back to the applicant (stored in `dossier.return_method`). */
export enum ReturnMethod {
  COUNTER = 'COUNTER',
  POSTAL = 'POSTAL',
  ONLINE = 'ONLINE',
}

registerEnumType(ReturnMethod, {
  name: 'ReturnMethod',
  description: 'Hình thức nhận kết quả',
  valuesConfig: {
    COUNTER: { description: 'Nhận trực tiếp tại Bộ phận Một cửa' },
    POSTAL: { description: 'Nhận qua dịch vụ bưu chính công ích (cần địa chỉ nhận)' },
    ONLINE: { description: 'Nhận bản điện tử trên Cổng dịch vụ công' },
  },
});
